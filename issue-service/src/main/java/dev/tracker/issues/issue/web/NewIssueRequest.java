package dev.tracker.issues.issue.web;

import java.util.List;
import java.util.UUID;

import dev.tracker.events.IssueSeverity;
import dev.tracker.issues.issue.NewIssue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/issues}. The reporter is whoever the token names, never a field of the
 * request.
 *
 * @param title 1–200 characters
 * @param description Markdown, up to 50 000 characters
 * @param severity how much it hurts
 * @param attachmentIds files uploaded beforehand, at most 50
 */
record NewIssueRequest(@NotBlank @Size(max = 200) String title, @Size(max = 50_000) String description,
		@NotNull IssueSeverity severity, @Size(max = 50) List<@NotNull UUID> attachmentIds) {

	NewIssue toNewIssue() {
		return new NewIssue(this.title, this.description, this.severity, this.attachmentIds);
	}

}
