/** Keeping the issue list in step with the live event stream: pure functions, no I/O. */
import type { Issue } from './api';
import type { SseEvent } from './sse';

/** The JSON in `data:` of the issue events (see docs/conventions.md "Events"). */
export interface IssueEventData {
  eventId?: string;
  occurredAt?: string;
  actor?: unknown;
  issue?: Issue;
  /** Some events (a deletion) may name only the id. */
  issueId?: string;
}

export type ListChange =
  | { kind: 'added'; issue: Issue }
  | { kind: 'updated'; issue: Issue }
  | { kind: 'removed'; id: string }
  | { kind: 'none' };

/** Newest first; ties keep their order. */
export function sortNewestFirst(items: Issue[]): Issue[] {
  return items
    .map((issue, index) => ({ issue, index, time: Date.parse(issue.createdAt) || 0 }))
    .sort((a, b) => b.time - a.time || a.index - b.index)
    .map((entry) => entry.issue);
}

/** Adds `more` to `items`, skipping ids already present, and sorts newest first. */
export function mergeIssues(items: Issue[], more: Issue[]): Issue[] {
  const known = new Set(items.map((issue) => issue.id));
  return sortNewestFirst([...items, ...more.filter((issue) => !known.has(issue.id))]);
}

/**
 * Applies one stream event to the list. Returns the new list (the same array when nothing
 * changed) and what happened, for announcing it to screen readers.
 */
export function applyIssueEvent(
  items: Issue[],
  event: Pick<SseEvent, 'type' | 'data'>
): { items: Issue[]; change: ListChange } {
  const unchanged = { items, change: { kind: 'none' } as ListChange };
  let data: IssueEventData;
  try {
    data = JSON.parse(event.data) as IssueEventData;
  } catch {
    return unchanged;
  }
  if (!data || typeof data !== 'object') return unchanged;
  const issue = data.issue && typeof data.issue.id === 'string' ? data.issue : undefined;

  switch (event.type) {
    case 'issue.created':
      if (!issue || items.some((i) => i.id === issue.id)) return unchanged;
      return { items: [issue, ...items], change: { kind: 'added', issue } };

    case 'issue.updated':
    case 'issue.status-changed': {
      if (!issue) return unchanged;
      const index = items.findIndex((i) => i.id === issue.id);
      if (index < 0) return unchanged;
      const next = items.slice();
      next[index] = { ...items[index], ...issue };
      return { items: next, change: { kind: 'updated', issue: next[index] } };
    }

    case 'issue.deleted': {
      const id = issue?.id ?? data.issueId;
      if (!id || !items.some((i) => i.id === id)) return unchanged;
      return { items: items.filter((i) => i.id !== id), change: { kind: 'removed', id } };
    }

    default:
      return unchanged;
  }
}
