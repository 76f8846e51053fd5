/**
 * A Server-Sent-Events client on top of fetch, because EventSource cannot send an Authorization
 * header (and the token must never travel in the URL).
 *
 * `SseParser` implements the event-stream wire format of the HTML standard
 * (https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation);
 * `connectSse` keeps one stream open: it reconnects with backoff, sends `Last-Event-ID`, asks for
 * a fresh token before every attempt and stops when its signal aborts.
 */

export interface SseEvent {
  /** `event:` field, `message` when absent. */
  type: string;
  /** `data:` lines joined with `\n`. */
  data: string;
  /** The last event id seen on the stream (`id:` of this event or an earlier one). */
  lastEventId: string;
}

/** What one chunk of the stream produced, in order of appearance. */
export type SseItem = { kind: 'event'; event: SseEvent } | { kind: 'comment'; text: string };

/** Incremental parser: feed it decoded text in arbitrary chunks; it returns completed items. */
export class SseParser {
  #buffer = '';
  #skipLeadingLf = false;
  #firstChunk = true;
  #data: string[] = [];
  #type = '';
  #lastEventId = '';
  #retry: number | undefined;

  /** The id to send as `Last-Event-ID` when reconnecting. */
  get lastEventId(): string {
    return this.#lastEventId;
  }

  /** The reconnection delay the server asked for with `retry:`, in milliseconds. */
  get retry(): number | undefined {
    return this.#retry;
  }

  constructor(lastEventId = '') {
    this.#lastEventId = lastEventId;
  }

  push(chunk: string): SseItem[] {
    if (this.#firstChunk && chunk.length > 0) {
      this.#firstChunk = false;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    if (this.#skipLeadingLf && chunk.length > 0) {
      // The previous chunk ended with CR: a LF right after it belongs to the same line ending.
      this.#skipLeadingLf = false;
      if (chunk[0] === '\n') chunk = chunk.slice(1);
    }
    this.#buffer += chunk;

    const items: SseItem[] = [];
    let start = 0;
    for (let i = 0; i < this.#buffer.length; i++) {
      const c = this.#buffer[i];
      if (c !== '\r' && c !== '\n') continue;
      this.#line(this.#buffer.slice(start, i), items);
      if (c === '\r') {
        if (i + 1 === this.#buffer.length) this.#skipLeadingLf = true;
        else if (this.#buffer[i + 1] === '\n') i++;
      }
      start = i + 1;
    }
    this.#buffer = this.#buffer.slice(start);
    return items;
  }

  #line(line: string, items: SseItem[]): void {
    if (line === '') {
      this.#dispatch(items);
      return;
    }
    if (line[0] === ':') {
      items.push({ kind: 'comment', text: line.slice(1).replace(/^ /, '') });
      return;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value[0] === ' ') value = value.slice(1);

    switch (field) {
      case 'data':
        this.#data.push(value);
        break;
      case 'event':
        this.#type = value;
        break;
      case 'id':
        if (!value.includes('\0')) this.#lastEventId = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.#retry = Number(value);
        break;
      default:
      // Unknown fields are ignored.
    }
  }

  #dispatch(items: SseItem[]): void {
    const data = this.#data;
    const type = this.#type;
    this.#data = [];
    this.#type = '';
    if (data.length === 0) return;
    items.push({
      kind: 'event',
      event: { type: type || 'message', data: data.join('\n'), lastEventId: this.#lastEventId }
    });
  }
}

export type SseState = 'connecting' | 'live' | 'reconnecting' | 'closed';

export interface SseOptions {
  url: string;
  /**
   * Returns a valid access token; called (and so refreshed) before every connection attempt.
   * `force` is true after the server answered 401, when the token must be renewed regardless.
   */
  getToken: (force: boolean) => Promise<string>;
  onEvent: (event: SseEvent) => void;
  onStateChange?: (state: SseState) => void;
  /** Aborting ends the stream for good (logout, component destroyed). */
  signal: AbortSignal;
  /** Id to resume from on the first connection. */
  lastEventId?: string;
  /** First reconnection delay in ms (doubled per failed attempt up to `maxDelay`). */
  initialDelay?: number;
  maxDelay?: number;
  /** Reconnect when nothing (not even a heartbeat comment) arrived for this long, in ms. */
  idleTimeout?: number;
  fetch?: typeof fetch;
  /** Waits `ms` or until `signal` aborts; replaceable in tests. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** Thrown for answers that are not an event stream; `status` tells 401 from the rest. */
export class SseHttpError extends Error {
  constructor(readonly status: number) {
    super(`event stream answered ${status}`);
  }
}

/**
 * Keeps the stream open until `signal` aborts. Resolves then; never rejects.
 * Returns the last event id seen, for callers that want to resume elsewhere.
 */
export async function connectSse(options: SseOptions): Promise<string> {
  const {
    url,
    getToken,
    onEvent,
    onStateChange = () => {},
    signal,
    initialDelay = 1000,
    maxDelay = 30_000,
    idleTimeout = 45_000,
    fetch: doFetch = globalThis.fetch.bind(globalThis),
    sleep = abortableSleep
  } = options;

  let lastEventId = options.lastEventId ?? '';
  let failures = 0;
  let serverRetry: number | undefined;
  let unauthorized = false;

  onStateChange('connecting');
  while (!signal.aborted) {
    const attempt = new AbortController();
    const stop = () => attempt.abort();
    signal.addEventListener('abort', stop, { once: true });
    let idleTimer: ReturnType<typeof setTimeout> | undefined;
    const touch = () => {
      clearTimeout(idleTimer);
      idleTimer = setTimeout(stop, idleTimeout);
    };

    try {
      const token = await getToken(unauthorized);
      unauthorized = false;
      if (signal.aborted) break;
      const headers: Record<string, string> = {
        Accept: 'text/event-stream',
        Authorization: `Bearer ${token}`,
        'Cache-Control': 'no-cache'
      };
      if (lastEventId) headers['Last-Event-ID'] = lastEventId;

      touch();
      const response = await doFetch(url, {
        headers,
        signal: attempt.signal,
        cache: 'no-store',
        credentials: 'omit'
      });
      const contentType = response.headers.get('content-type') ?? '';
      if (!response.ok || !contentType.startsWith('text/event-stream') || !response.body) {
        await response.body?.cancel().catch(() => {});
        throw new SseHttpError(response.status);
      }
      failures = 0;
      onStateChange('live');

      const parser = new SseParser(lastEventId);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        touch();
        for (const item of parser.push(value)) {
          if (item.kind !== 'event') continue;
          lastEventId = item.event.lastEventId;
          try {
            onEvent(item.event);
          } catch (e) {
            console.error('SSE event handler failed', e);
          }
        }
        serverRetry = parser.retry ?? serverRetry;
      }
    } catch (e) {
      if (signal.aborted) break;
      failures++;
      unauthorized = e instanceof SseHttpError && e.status === 401;
      if (!(e instanceof SseHttpError) && !(e instanceof DOMException)) {
        console.warn('SSE connection failed', e);
      }
    } finally {
      clearTimeout(idleTimer);
      signal.removeEventListener('abort', stop);
    }

    if (signal.aborted) break;
    onStateChange('reconnecting');
    await sleep(backoff(failures, serverRetry ?? initialDelay, maxDelay), signal);
  }
  onStateChange('closed');
  return lastEventId;
}

/** Delay before attempt number `failures` (0 after a stream that ended normally), with jitter. */
export function backoff(failures: number, base: number, max: number, random = Math.random): number {
  const exp = Math.min(max, base * 2 ** Math.max(0, failures - 1));
  return Math.round(exp / 2 + (exp / 2) * random());
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
