package dev.tracker.issues.issue.web;

import java.util.List;

/**
 * One page of issues.
 *
 * @param items the issues of this page
 * @param nextCursor pass as {@code cursor} for the next page; {@code null} on the last
 * page
 */
record ListResponse(List<IssueView> items, String nextCursor) {
}
