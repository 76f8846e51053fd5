package dev.tracker.issues.issue;

import dev.tracker.events.IssueSeverity;

/**
 * Changes to an issue's fields; {@code null} leaves a field as it is.
 *
 * @param title the new title
 * @param description the new description, or cleared
 * @param severity the new severity
 * @param assignee the new assignee, or unassigned
 */
public record IssueEdit(String title, Patch<String> description, IssueSeverity severity, Patch<Person> assignee) {

	/** Whether the edit touches what only maintainers and administrators may change. */
	public boolean touchesTriage() {
		return this.severity != null || this.assignee != null;
	}

}
