package dev.tracker.issues.issue;

import java.util.List;
import java.util.UUID;

import dev.tracker.events.IssueSeverity;

/**
 * What a reporter hands in; the reporter is the caller.
 *
 * @param title the title
 * @param description the Markdown description
 * @param severity the severity
 * @param attachmentIds files uploaded beforehand
 */
public record NewIssue(String title, String description, IssueSeverity severity, List<UUID> attachmentIds) {

	public NewIssue {
		attachmentIds = (attachmentIds != null) ? List.copyOf(attachmentIds) : List.of();
	}

}
