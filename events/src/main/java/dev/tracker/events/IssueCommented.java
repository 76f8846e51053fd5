package dev.tracker.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone commented on an issue.
 *
 * @param commentId the new comment's id
 * @param body the comment's Markdown as written
 */
public record IssueCommented(UUID eventId, Instant occurredAt, Actor actor, IssueSnapshot issue, UUID commentId,
		String body) implements IssueEvent {
}
