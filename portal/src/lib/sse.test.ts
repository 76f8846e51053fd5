import { describe, expect, it, vi } from 'vitest';
import { backoff, connectSse, SseParser, type SseEvent, type SseItem, type SseState } from './sse';

function events(items: SseItem[]): SseEvent[] {
  return items.flatMap((item) => (item.kind === 'event' ? [item.event] : []));
}

/** Feeds `chunks` one by one and collects everything the parser produced. */
function parse(chunks: string[], parser = new SseParser()): SseItem[] {
  return chunks.flatMap((chunk) => parser.push(chunk));
}

describe('SseParser', () => {
  it('parses a complete event with id, type and data', () => {
    const parser = new SseParser();
    const items = parser.push('id: 42\nevent: issue.created\ndata: {"a":1}\n\n');
    expect(events(items)).toEqual([{ type: 'issue.created', data: '{"a":1}', lastEventId: '42' }]);
    expect(parser.lastEventId).toBe('42');
  });

  it('defaults the type to message and keeps values without the single leading space', () => {
    expect(events(parse(['data:no space\ndata:  two spaces\n\n']))).toEqual([
      { type: 'message', data: 'no space\n two spaces', lastEventId: '' }
    ]);
  });

  it('joins multi-line data with newlines', () => {
    const items = parse(['event: x\ndata: line 1\ndata: line 2\ndata:\ndata: line 4\n\n']);
    expect(events(items)[0].data).toBe('line 1\nline 2\n\nline 4');
  });

  it('handles chunks that split a line anywhere', () => {
    const text = 'id: 7\nevent: issue.created\ndata: {"title":"hello"}\n\n';
    for (let cut = 1; cut < text.length; cut++) {
      const items = parse([text.slice(0, cut), text.slice(cut)]);
      expect(events(items), `cut at ${cut}`).toEqual([
        { type: 'issue.created', data: '{"title":"hello"}', lastEventId: '7' }
      ]);
    }
  });

  it('handles a stream delivered one character at a time', () => {
    const text = 'id: 1\r\ndata: a\r\n\r\nid: 2\rdata: b\r\rdata: c\n\n';
    const items = parse([...text]);
    expect(events(items)).toEqual([
      { type: 'message', data: 'a', lastEventId: '1' },
      { type: 'message', data: 'b', lastEventId: '2' },
      { type: 'message', data: 'c', lastEventId: '2' }
    ]);
  });

  it('treats CRLF split between chunks as one line ending', () => {
    // "\r" ends one chunk, "\n" starts the next: that must not count as an empty line (dispatch).
    const items = parse(['data: first\r', '\ndata: second\r', '\n\r', '\n']);
    expect(events(items)).toEqual([{ type: 'message', data: 'first\nsecond', lastEventId: '' }]);
  });

  it('accepts CR, LF and CRLF line endings', () => {
    for (const eol of ['\n', '\r', '\r\n']) {
      const items = parse([`event: e${eol}data: d${eol}${eol}`]);
      expect(events(items)).toEqual([{ type: 'e', data: 'd', lastEventId: '' }]);
    }
  });

  it('reports comments (heartbeats) without dispatching an event', () => {
    const items = parse([': heartbeat\n', ':\n\n', 'data: x\n: inside\n\n']);
    expect(items).toEqual([
      { kind: 'comment', text: 'heartbeat' },
      { kind: 'comment', text: '' },
      { kind: 'comment', text: 'inside' },
      { kind: 'event', event: { type: 'message', data: 'x', lastEventId: '' } }
    ]);
  });

  it('keeps the last id across events and updates it even for events without data', () => {
    const parser = new SseParser('start');
    const items = parse(['data: a\n\n', 'id: 5\n\n', 'data: b\n\n', 'id: 6\ndata: c\n\n'], parser);
    expect(events(items).map((e) => e.lastEventId)).toEqual(['start', '5', '6']);
    expect(parser.lastEventId).toBe('6');
  });

  it('resets the id with an empty id field and ignores ids containing NUL', () => {
    const parser = new SseParser();
    parse(['id: 1\n\n', 'id: bad\0id\n\n'], parser);
    expect(parser.lastEventId).toBe('1');
    parse(['id\n\n'], parser);
    expect(parser.lastEventId).toBe('');
  });

  it('does not dispatch an event that has no data, and resets the type after dispatch', () => {
    const items = parse(['event: lonely\n\n', 'data: x\n\n']);
    expect(events(items)).toEqual([{ type: 'message', data: 'x', lastEventId: '' }]);
  });

  it('does not dispatch an incomplete event at the end of the input', () => {
    expect(events(parse(['data: half', '\n']))).toEqual([]);
  });

  it('reads retry only when it is all digits, and ignores unknown fields', () => {
    const parser = new SseParser();
    parse(['retry: 1500\nfoo: bar\nretry: 1x\n\n'], parser);
    expect(parser.retry).toBe(1500);
  });

  it('strips a leading byte order mark once', () => {
    const items = parse(['\uFEFFdata: a\n\n', '\uFEFFdata: b\n\n']);
    expect(events(items).map((e) => e.data)).toEqual(['a']);
  });
});

describe('backoff', () => {
  it('grows exponentially up to the maximum, with jitter between half and full', () => {
    expect(backoff(0, 1000, 30_000, () => 1)).toBe(1000);
    expect(backoff(1, 1000, 30_000, () => 1)).toBe(1000);
    expect(backoff(3, 1000, 30_000, () => 1)).toBe(4000);
    expect(backoff(3, 1000, 30_000, () => 0)).toBe(2000);
    expect(backoff(20, 1000, 30_000, () => 1)).toBe(30_000);
  });
});

/** A fetch Response whose body yields `chunks` (as UTF-8) and then ends or fails. */
function streamResponse(chunks: (string | Uint8Array)[], end: 'close' | 'error' = 'close') {
  const encoder = new TextEncoder();
  const queue = [...chunks];
  // Pull-based, so that an error comes only after every chunk was read.
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const c = queue.shift();
      if (c !== undefined) controller.enqueue(typeof c === 'string' ? encoder.encode(c) : c);
      else if (end === 'close') controller.close();
      else controller.error(new TypeError('network error'));
    }
  });
  return new Response(body, { headers: { 'Content-Type': 'text/event-stream;charset=UTF-8' } });
}

describe('connectSse', () => {
  it('sends the token, reconnects with Last-Event-ID and stops on abort', async () => {
    const controller = new AbortController();
    const received: SseEvent[] = [];
    const states: SseState[] = [];
    const requests: Headers[] = [];
    const tokens = ['t1', 't2', 't3'];
    const getToken = vi.fn(async () => tokens.shift() ?? 'tx');

    const responses = [
      () => streamResponse(['id: 1\nevent: issue.created\nda', 'ta: {"n":1}\n\n: hb\n'], 'error'),
      () => new Response('nope', { status: 503 }),
      () => streamResponse(['id: 2\nevent: issue.deleted\ndata: {"n":2}\n\n'])
    ];
    const fetchMock = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
      requests.push(new Headers(init?.headers));
      const next = responses.shift();
      if (!next) {
        controller.abort();
        throw new DOMException('aborted', 'AbortError');
      }
      return next();
    });
    const sleeps: number[] = [];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});

    const last = await connectSse({
      url: '/api/events/stream',
      getToken,
      signal: controller.signal,
      onEvent: (e) => received.push(e),
      onStateChange: (s) => states.push(s),
      fetch: fetchMock as typeof fetch,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      initialDelay: 100
    });

    expect(received).toEqual([
      { type: 'issue.created', data: '{"n":1}', lastEventId: '1' },
      { type: 'issue.deleted', data: '{"n":2}', lastEventId: '2' }
    ]);
    expect(last).toBe('2');
    expect(requests.map((h) => h.get('Authorization'))).toEqual([
      'Bearer t1',
      'Bearer t2',
      'Bearer t3',
      'Bearer tx'
    ]);
    expect(requests.map((h) => h.get('Last-Event-ID'))).toEqual([null, '1', '1', '2']);
    expect(requests[0].get('Accept')).toBe('text/event-stream');
    expect(getToken).toHaveBeenCalledTimes(4);
    expect(states).toEqual([
      'connecting',
      'live',
      'reconnecting',
      'reconnecting',
      'live',
      'reconnecting',
      'closed'
    ]);
    // After the 503 the second delay is longer than the first.
    expect(sleeps[1]).toBeGreaterThanOrEqual(100);
    expect(warn).toHaveBeenCalledTimes(1); // the broken connection, not the 503
    warn.mockRestore();
  });

  it('decodes UTF-8 characters split across chunks', async () => {
    const controller = new AbortController();
    const bytes = new TextEncoder().encode('data: grüße ✓\n\n');
    const received: string[] = [];
    let calls = 0;
    await connectSse({
      url: '/s',
      getToken: async () => 't',
      signal: controller.signal,
      onEvent: (e) => {
        received.push(e.data);
        controller.abort();
      },
      fetch: (async () => {
        if (calls++ > 0) throw new Error('only once');
        return streamResponse([bytes.slice(0, 10), bytes.slice(10, 15), bytes.slice(15)]);
      }) as typeof fetch,
      sleep: async () => {}
    });
    expect(received).toEqual(['grüße ✓']);
  });

  it('asks for a forced token refresh after a 401', async () => {
    const controller = new AbortController();
    const forced: boolean[] = [];
    let calls = 0;
    await connectSse({
      url: '/s',
      getToken: async (force) => {
        forced.push(force);
        if (forced.length === 2) controller.abort();
        return 't';
      },
      signal: controller.signal,
      onEvent: () => {},
      fetch: (async () => {
        calls++;
        return new Response(null, { status: 401 });
      }) as typeof fetch,
      sleep: async () => {}
    });
    expect(forced).toEqual([false, true]);
    expect(calls).toBe(1);
  });

  it('reconnects when even heartbeats stop arriving', async () => {
    const controller = new AbortController();
    const states: SseState[] = [];
    let calls = 0;
    await connectSse({
      url: '/s',
      getToken: async () => 't',
      signal: controller.signal,
      onEvent: () => {},
      onStateChange: (s) => states.push(s),
      idleTimeout: 20,
      fetch: (async (_url: RequestInfo | URL, init?: RequestInit) => {
        if (++calls > 1) {
          controller.abort();
          throw new DOMException('aborted', 'AbortError');
        }
        // A stream that sends one heartbeat and then hangs until aborted.
        const body = new ReadableStream<Uint8Array>({
          start(c) {
            c.enqueue(new TextEncoder().encode(': hb\n'));
            init?.signal?.addEventListener('abort', () =>
              c.error(new DOMException('x', 'AbortError'))
            );
          }
        });
        return new Response(body, { headers: { 'Content-Type': 'text/event-stream' } });
      }) as typeof fetch,
      sleep: async () => {}
    });
    expect(calls).toBe(2);
    expect(states).toEqual(['connecting', 'live', 'reconnecting', 'closed']);
  });

  it('does not connect at all when already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const fetchMock = vi.fn();
    await connectSse({
      url: '/s',
      getToken: async () => 't',
      signal: controller.signal,
      onEvent: () => {},
      fetch: fetchMock as unknown as typeof fetch
    });
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
