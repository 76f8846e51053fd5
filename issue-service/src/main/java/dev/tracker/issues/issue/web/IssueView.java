package dev.tracker.issues.issue.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.tracker.events.IssueSeverity;
import dev.tracker.events.IssueStatus;
import dev.tracker.issues.issue.Issue;
import dev.tracker.issues.issue.Person;

/** An issue as the API shows it. */
record IssueView(UUID id, String key, String title, String description, IssueSeverity severity, IssueStatus status,
		Person reporter, Person assignee, List<UUID> attachmentIds, Instant createdAt, Instant updatedAt,
		Instant resolvedAt, long version) {

	static IssueView of(Issue issue) {
		return new IssueView(issue.id(), issue.key(), issue.title(), issue.description(), issue.severity(),
				issue.status(), issue.reporter(), issue.assignee(), issue.attachmentIds(), issue.createdAt(),
				issue.updatedAt(), issue.resolvedAt(), issue.version());
	}

}
