package dev.tracker.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A file was attached to an issue.
 *
 * @param fileId the attached file's id
 */
public record IssueAttachmentAdded(UUID eventId, Instant occurredAt, Actor actor, IssueSnapshot issue,
		UUID fileId) implements IssueEvent {
}
