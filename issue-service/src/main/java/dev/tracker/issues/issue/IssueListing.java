package dev.tracker.issues.issue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.tracker.events.IssueSeverity;
import dev.tracker.events.IssueStatus;

/** An issue as lists show it. */
public record IssueListing(UUID id, String key, String title, String description, IssueSeverity severity,
		IssueStatus status, CloseReason closeReason, UUID duplicateOf, Person reporter, Person assignee,
		List<UUID> attachmentIds, Instant createdAt, Instant updatedAt, Instant resolvedAt, long version) {

	/** The listing of a loaded issue. */
	public static IssueListing of(Issue issue) {
		return new IssueListing(issue.id(), issue.key(), issue.title(), issue.description(), issue.severity(),
				issue.status(), issue.closeReason(), issue.duplicateOf(), issue.reporter(), issue.assignee(),
				issue.attachmentIds(), issue.createdAt(), issue.updatedAt(), issue.resolvedAt(), issue.version());
	}

}
