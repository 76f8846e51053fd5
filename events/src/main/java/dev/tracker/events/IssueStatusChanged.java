package dev.tracker.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An issue moved through the workflow.
 *
 * @param previousStatus the status before the move
 * @param reason why it was closed without a fix ({@code WONT_FIX}, {@code DUPLICATE},
 * {@code CANNOT_REPRODUCE}), or {@code null}
 */
public record IssueStatusChanged(UUID eventId, Instant occurredAt, Actor actor, IssueSnapshot issue,
		IssueStatus previousStatus, String reason) implements IssueEvent {
}
