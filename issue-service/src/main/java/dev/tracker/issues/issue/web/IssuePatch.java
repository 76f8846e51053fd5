package dev.tracker.issues.issue.web;

import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

import dev.tracker.events.IssueSeverity;
import dev.tracker.issues.issue.IssueEdit;
import dev.tracker.issues.issue.IssueProblems.InvalidField;
import dev.tracker.issues.issue.Patch;
import dev.tracker.issues.issue.Person;
import tools.jackson.databind.JsonNode;

/**
 * A JSON merge patch (RFC 7396) of an issue: a field left out stays as it is,
 * {@code null} clears it. Only {@code title}, {@code description}, {@code severity} and
 * {@code assigneeId} can be patched; the status changes only through
 * {@code /transitions}.
 */
record IssuePatch(String title, Patch<String> description, IssueSeverity severity, Patch<String> assigneeId) {

	private static final Set<String> FIELDS = Set.of("title", "description", "severity", "assigneeId");

	static IssuePatch parse(JsonNode patch) {
		if (patch == null || !patch.isObject()) {
			throw new InvalidField("body", "A merge patch is a JSON object");
		}
		if (patch.has("status")) {
			throw new StatusInPatch();
		}
		for (Iterator<String> names = patch.propertyNames().iterator(); names.hasNext();) {
			String name = names.next();
			if (!FIELDS.contains(name)) {
				throw new InvalidField(name, "'" + name + "' cannot be changed; patchable: " + FIELDS);
			}
		}
		String title = null;
		if (patch.has("title")) {
			JsonNode value = patch.get("title");
			if (!value.isString() || value.asString().isBlank() || value.asString().strip().length() > 200) {
				throw new InvalidField("title", "The title has 1 to 200 characters");
			}
			title = value.asString().strip();
		}
		Patch<String> description = null;
		if (patch.has("description")) {
			JsonNode value = patch.get("description");
			if (!value.isNull() && (!value.isString() || value.asString().length() > 50_000)) {
				throw new InvalidField("description", "The description is text of at most 50 000 characters");
			}
			description = Patch.to(value.isNull() ? null : value.asString());
		}
		IssueSeverity severity = null;
		if (patch.has("severity")) {
			JsonNode value = patch.get("severity");
			try {
				severity = IssueSeverity.valueOf(value.asString().toUpperCase(Locale.ROOT));
			}
			catch (RuntimeException ex) {
				throw new InvalidField("severity", "The severity is one of LOW, MEDIUM, HIGH, CRITICAL");
			}
		}
		Patch<String> assigneeId = null;
		if (patch.has("assigneeId")) {
			JsonNode value = patch.get("assigneeId");
			if (!value.isNull() && (!value.isString() || value.asString().isBlank())) {
				throw new InvalidField("assigneeId", "The assignee is a user id, or null to unassign");
			}
			assigneeId = Patch.to(value.isNull() ? null : value.asString());
		}
		return new IssuePatch(title, description, severity, assigneeId);
	}

	IssueEdit toEdit(Patch<Person> assignee) {
		return new IssueEdit(this.title, this.description, this.severity, assignee);
	}

	/** A patch tried to change the status, which only the workflow does. */
	static final class StatusInPatch extends RuntimeException {

		StatusInPatch() {
			super("The status changes only through POST /api/issues/{id}/transitions, where the workflow is checked");
		}

	}

}
