package dev.tracker.issues.issue.web;

import java.util.UUID;

import dev.tracker.events.IssueStatus;
import dev.tracker.issues.issue.CloseReason;
import jakarta.validation.constraints.NotNull;

/**
 * {@code POST /api/issues/{id}/transitions}.
 *
 * @param to the status to move to
 * @param reason why, when closing an issue that was never worked on
 * @param duplicateOf the original, when the reason is {@code DUPLICATE}
 */
record TransitionRequest(@NotNull IssueStatus to, CloseReason reason, UUID duplicateOf) {
}
