package dev.tracker.issues.issue.web;

import java.util.List;

/**
 * One page of a list of issues.
 *
 * @param items the issues of this page
 * @param nextCursor pass as {@code cursor} to get the next page; {@code null} on the last
 * page
 */
record IssuePage(List<IssueView> items, String nextCursor) {
}
