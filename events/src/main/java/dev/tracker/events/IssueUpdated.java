package dev.tracker.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Fields of an issue other than its status changed.
 *
 * @param changedFields the names of the fields that changed, e.g. {@code title},
 * {@code assignee}
 */
public record IssueUpdated(UUID eventId, Instant occurredAt, Actor actor, IssueSnapshot issue,
		List<String> changedFields) implements IssueEvent {

	public IssueUpdated {
		changedFields = (changedFields != null) ? List.copyOf(changedFields) : List.of();
	}

}
