package dev.tracker.issues.issue.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tracker.events.IssueSeverity;
import dev.tracker.events.IssueStatus;
import dev.tracker.issues.issue.CloseReason;
import dev.tracker.issues.issue.IssueListing;
import dev.tracker.issues.issue.Person;

/**
 * An issue as the API shows it. {@code descriptionHtml} is the description rendered and
 * sanitised, present when one issue is read.
 */
record IssueView(UUID id, String key, String title, String description,
		@JsonInclude(JsonInclude.Include.NON_NULL) String descriptionHtml, IssueSeverity severity, IssueStatus status,
		CloseReason closeReason, UUID duplicateOf, Person reporter, Person assignee, List<UUID> attachmentIds,
		Instant createdAt, Instant updatedAt, Instant resolvedAt, long version) {

	static IssueView of(IssueListing issue, String descriptionHtml) {
		return new IssueView(issue.id(), issue.key(), issue.title(), issue.description(), descriptionHtml,
				issue.severity(), issue.status(), issue.closeReason(), issue.duplicateOf(), issue.reporter(),
				issue.assignee(), issue.attachmentIds(), issue.createdAt(), issue.updatedAt(), issue.resolvedAt(),
				issue.version());
	}

}
