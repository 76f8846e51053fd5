package dev.tracker.stats.summary;

import java.util.Map;

import dev.tracker.events.IssueSeverity;
import dev.tracker.events.IssueStatus;

/**
 * Live counts of issues.
 *
 * @param openBySeverity issues not yet resolved or closed, per severity
 * @param byStatus issues per status
 * @param total all issues
 */
public record Summary(Map<IssueSeverity, Long> openBySeverity, Map<IssueStatus, Long> byStatus, long total) {
}
