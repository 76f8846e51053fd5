package dev.tracker.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An issue's state at one version.
 *
 * @param id the issue id
 * @param key the human key, e.g. {@code TRK-42}
 * @param title the title
 * @param description the Markdown description as written
 * @param severity the severity
 * @param status the workflow status
 * @param reporter who reported it
 * @param assignee who works on it, or {@code null}
 * @param attachmentIds the ids of attached files
 * @param createdAt when it was reported
 * @param updatedAt when it last changed
 * @param resolvedAt when it was resolved, or {@code null} while not resolved or closed
 * @param version increases by one with every change; consumers ignore events older than
 * what they have seen
 */
public record IssueSnapshot(UUID id, String key, String title, String description, IssueSeverity severity,
		IssueStatus status, Actor reporter, Actor assignee, List<UUID> attachmentIds, Instant createdAt,
		Instant updatedAt, Instant resolvedAt, long version) {

	public IssueSnapshot {
		attachmentIds = (attachmentIds != null) ? List.copyOf(attachmentIds) : List.of();
	}

}
