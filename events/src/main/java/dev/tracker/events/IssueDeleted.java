package dev.tracker.events;

import java.time.Instant;
import java.util.UUID;

/** An issue was deleted; {@link #issue()} is its last state. */
public record IssueDeleted(UUID eventId, Instant occurredAt, Actor actor, IssueSnapshot issue) implements IssueEvent {
}
