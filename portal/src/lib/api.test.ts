import { describe, expect, it, vi } from 'vitest';
import { ApiError, createApi, fieldErrors } from './api';

function json(body: unknown, status = 200, type = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

describe('createApi', () => {
  it('lists issues with a bearer token and passes the cursor on', async () => {
    const fetchMock = vi.fn(async () => json({ items: [], nextCursor: 'c2' }));
    const api = createApi(async () => 'tok', fetchMock as typeof fetch);

    expect(await api.listIssues('c 1')).toEqual({ items: [], nextCursor: 'c2' });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/issues?cursor=c%201');
    expect(new Headers(init.headers).get('Authorization')).toBe('Bearer tok');
  });

  it('posts a new issue as JSON and returns the created issue', async () => {
    const created = { id: 'i1', key: 'TRK-1', title: 'T' };
    const fetchMock = vi.fn(async () => json(created, 201));
    const api = createApi(async () => 'tok', fetchMock as typeof fetch);

    const issue = await api.createIssue({ title: 'T', description: 'D', severity: 'HIGH' });
    expect(issue).toEqual(created);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/issues');
    expect(init.method).toBe('POST');
    expect(new Headers(init.headers).get('Content-Type')).toBe('application/json');
    expect(JSON.parse(init.body as string)).toEqual({
      title: 'T',
      description: 'D',
      severity: 'HIGH'
    });
  });

  it('accepts a 201 without a body', async () => {
    const api = createApi(
      async () => 't',
      (async () => new Response(null, { status: 201 })) as typeof fetch
    );
    expect(await api.createIssue({ title: 'T', description: '', severity: 'LOW' })).toBeNull();
  });

  it('turns a problem+json answer into an ApiError with field errors', async () => {
    const problem = {
      type: 'https://tracker.dev/problems/validation',
      title: 'Bad Request',
      status: 400,
      detail: 'The issue is invalid.',
      errors: [{ field: 'title', message: 'must not be blank' }]
    };
    const api = createApi(async () => 't', (async () =>
      json(problem, 400, 'application/problem+json')) as typeof fetch);
    const error = await api
      .createIssue({ title: '', description: '', severity: 'LOW' })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.message).toBe('The issue is invalid.');
    expect(error.fieldErrors).toEqual({ title: ['must not be blank'] });
  });

  it('makes up a problem when the body is not JSON', async () => {
    const api = createApi(
      async () => 't',
      (async () =>
        new Response('<html>', { status: 502, statusText: 'Bad Gateway' })) as typeof fetch
    );
    const error = await api.listIssues().catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.problem).toEqual({ status: 502, title: 'Bad Gateway' });
    expect(error.message).toBe('Bad Gateway');
  });
});

describe('fieldErrors', () => {
  it('reads an array of field errors in its common spellings', () => {
    expect(
      fieldErrors({
        errors: [
          { field: 'title', message: 'too long' },
          { pointer: '#/severity', detail: 'unknown value' },
          { name: 'title', reason: 'blank' },
          'general problem'
        ]
      })
    ).toEqual({
      title: ['too long', 'blank'],
      severity: ['unknown value'],
      '': ['general problem']
    });
  });

  it('reads a map of field errors', () => {
    expect(fieldErrors({ errors: { title: 'blank', description: ['a', 'b'] } })).toEqual({
      title: ['blank'],
      description: ['a', 'b']
    });
  });

  it('is empty without errors', () => {
    expect(fieldErrors({ detail: 'x' })).toEqual({});
    expect(fieldErrors({ errors: 'nonsense' })).toEqual({});
  });
});
