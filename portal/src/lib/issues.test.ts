import { describe, expect, it } from 'vitest';
import type { Issue } from './api';
import { applyIssueEvent, mergeIssues, sortNewestFirst } from './issues';

function issue(n: number, overrides: Partial<Issue> = {}): Issue {
  return {
    id: `id-${n}`,
    key: `TRK-${n}`,
    title: `Issue ${n}`,
    severity: 'MEDIUM',
    status: 'OPEN',
    reporter: { id: 'u1', name: 'Rita Reporter', email: 'reporter@example.com' },
    createdAt: `2025-01-0${n}T10:00:00Z`,
    ...overrides
  };
}

function event(type: string, payload: unknown) {
  return { type, data: JSON.stringify(payload) };
}

describe('applyIssueEvent', () => {
  const list = [issue(2), issue(1)];

  it('puts a created issue at the top', () => {
    const created = issue(3);
    const result = applyIssueEvent(list, event('issue.created', { eventId: 'e1', issue: created }));
    expect(result.items.map((i) => i.key)).toEqual(['TRK-3', 'TRK-2', 'TRK-1']);
    expect(result.change).toEqual({ kind: 'added', issue: created });
  });

  it('ignores a created issue that is already listed', () => {
    const result = applyIssueEvent(list, event('issue.created', { issue: issue(2) }));
    expect(result.items).toBe(list);
    expect(result.change.kind).toBe('none');
  });

  it('replaces an updated or status-changed issue in place', () => {
    const updated = applyIssueEvent(
      list,
      event('issue.updated', { issue: issue(1, { title: 'Renamed' }) })
    );
    expect(updated.items.map((i) => i.title)).toEqual(['Issue 2', 'Renamed']);
    const moved = applyIssueEvent(
      updated.items,
      event('issue.status-changed', {
        issue: issue(2, { status: 'TRIAGED' }),
        previousStatus: 'OPEN'
      })
    );
    expect(moved.items.map((i) => i.status)).toEqual(['TRIAGED', 'OPEN']);
    expect(moved.change.kind).toBe('updated');
  });

  it('does not add an updated issue that is not listed', () => {
    const result = applyIssueEvent(list, event('issue.updated', { issue: issue(9) }));
    expect(result.items).toBe(list);
  });

  it('removes a deleted issue, named by issue or by issueId', () => {
    expect(applyIssueEvent(list, event('issue.deleted', { issue: issue(1) })).items).toEqual([
      issue(2)
    ]);
    const byId = applyIssueEvent(list, event('issue.deleted', { issueId: 'id-2' }));
    expect(byId.items).toEqual([issue(1)]);
    expect(byId.change).toEqual({ kind: 'removed', id: 'id-2' });
  });

  it('ignores other event types and malformed data', () => {
    expect(applyIssueEvent(list, event('issue.commented', { issue: issue(1) })).items).toBe(list);
    expect(applyIssueEvent(list, { type: 'issue.created', data: 'not json' }).items).toBe(list);
    expect(applyIssueEvent(list, event('issue.created', { issue: { title: 'no id' } })).items).toBe(
      list
    );
    expect(applyIssueEvent(list, event('issue.created', null)).items).toBe(list);
  });
});

describe('mergeIssues and sortNewestFirst', () => {
  it('merges without duplicates, newest first', () => {
    const merged = mergeIssues([issue(3), issue(1)], [issue(2), issue(1, { title: 'stale' })]);
    expect(merged.map((i) => i.key)).toEqual(['TRK-3', 'TRK-2', 'TRK-1']);
    expect(merged[2].title).toBe('Issue 1');
  });

  it('keeps the given order for equal or unreadable times', () => {
    const a = issue(1, { id: 'a', createdAt: 'x' });
    const b = issue(1, { id: 'b', createdAt: 'y' });
    expect(sortNewestFirst([a, b]).map((i) => i.id)).toEqual(['a', 'b']);
  });
});
