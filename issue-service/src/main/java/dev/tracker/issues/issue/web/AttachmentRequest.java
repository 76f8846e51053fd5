package dev.tracker.issues.issue.web;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/**
 * {@code POST /api/issues/{id}/attachments}.
 *
 * @param fileId the uploaded file
 */
record AttachmentRequest(@NotNull UUID fileId) {
}
