/**
 * The portal's client for the tracker API behind the gateway (same origin, so paths are relative).
 * Types follow docs/conventions.md ("HTTP") and the issue-service's OpenAPI document at
 * /api/docs/issue-service.
 */

export const SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const STATUSES = ['OPEN', 'TRIAGED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'] as const;
export type Status = (typeof STATUSES)[number];

export interface Person {
  id: string;
  name: string;
  email: string;
}

export interface Issue {
  id: string;
  key: string;
  title: string;
  description?: string;
  severity: Severity;
  status: Status;
  reporter: Person;
  assignee?: Person | null;
  attachmentIds?: string[];
  createdAt: string;
  updatedAt?: string;
  resolvedAt?: string | null;
  version?: number;
}

export interface IssuePage {
  items: Issue[];
  nextCursor: string | null;
}

export interface NewIssue {
  title: string;
  description: string;
  severity: Severity;
}

/** RFC 9457 problem details; `errors` names the offending fields when the service sends them. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  errors?: unknown;
  [extension: string]: unknown;
}

/** A failed call: the problem body when there was one, else one made up from the status. */
export class ApiError extends Error {
  readonly fieldErrors: Record<string, string[]>;

  constructor(
    readonly status: number,
    readonly problem: Problem
  ) {
    super(problem.detail ?? problem.title ?? `Request failed with status ${status}`);
    this.fieldErrors = fieldErrors(problem);
  }
}

/**
 * Field errors of a problem, whichever common shape the service used:
 * `errors: [{field|name|pointer, message|detail|reason}]` or `errors: {field: message | message[]}`.
 * Messages without a field are collected under `''`.
 */
export function fieldErrors(problem: Problem): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  const add = (field: unknown, message: unknown) => {
    if (typeof message !== 'string' || message === '') return;
    const key = typeof field === 'string' ? field.replace(/^#?\//, '') : '';
    (result[key] ??= []).push(message);
  };
  const errors = problem.errors;
  if (Array.isArray(errors)) {
    for (const e of errors) {
      if (typeof e === 'string') add('', e);
      else if (e && typeof e === 'object') {
        const o = e as Record<string, unknown>;
        add(o.field ?? o.name ?? o.pointer ?? o.property, o.message ?? o.detail ?? o.reason);
      }
    }
  } else if (errors && typeof errors === 'object') {
    for (const [field, messages] of Object.entries(errors)) {
      for (const m of Array.isArray(messages) ? messages : [messages]) add(field, m);
    }
  }
  return result;
}

export interface Api {
  listIssues(cursor?: string | null): Promise<IssuePage>;
  createIssue(issue: NewIssue): Promise<Issue | null>;
}

/**
 * @param getToken returns a fresh access token (the caller refreshes it, e.g. `updateToken(30)`)
 */
export function createApi(
  getToken: () => Promise<string>,
  doFetch: typeof fetch = (input, init) => globalThis.fetch(input, init)
): Api {
  async function call(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('Authorization', `Bearer ${await getToken()}`);
    headers.set('Accept', 'application/json, application/problem+json');
    const response = await doFetch(path, { ...init, headers, credentials: 'omit' });
    if (!response.ok) throw new ApiError(response.status, await readProblem(response));
    return response;
  }

  return {
    async listIssues(cursor) {
      const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
      const page = (await (await call(`/api/issues${query}`)).json()) as Partial<IssuePage>;
      return { items: page.items ?? [], nextCursor: page.nextCursor ?? null };
    },

    async createIssue(issue) {
      const response = await call('/api/issues', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(issue)
      });
      // 201 with the new issue as body; tolerate an empty body (the live stream brings it then).
      const text = await response.text();
      if (!text) return null;
      const body = JSON.parse(text) as Issue;
      return body && typeof body.id === 'string' ? body : null;
    }
  };
}

async function readProblem(response: Response): Promise<Problem> {
  const fallback: Problem = { status: response.status, title: response.statusText || 'Error' };
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return fallback;
  try {
    const body = (await response.json()) as unknown;
    return body && typeof body === 'object' ? { ...fallback, ...(body as Problem) } : fallback;
  } catch {
    return fallback;
  }
}
