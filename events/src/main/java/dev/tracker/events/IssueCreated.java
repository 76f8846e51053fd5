package dev.tracker.events;

import java.time.Instant;
import java.util.UUID;

/** An issue was reported. */
public record IssueCreated(UUID eventId, Instant occurredAt, Actor actor, IssueSnapshot issue) implements IssueEvent {
}
