package dev.tracker.issues.issue;

import java.util.List;

/**
 * One page of issues.
 *
 * @param items the issues
 * @param nextCursor where the next page starts, {@code null} after the last page
 */
public record IssuePage(List<IssueListing> items, String nextCursor) {
}
