package dev.tracker.issues.issue;

/**
 * One thing that changed about an issue, as the activity log records it.
 *
 * @param action what happened, e.g. {@code FIELD_CHANGED}, {@code STATUS_CHANGED},
 * {@code COMMENTED}
 * @param field the field that changed, if the action is about one
 * @param oldValue the value before, if any
 * @param newValue the value after, if any
 */
public record Change(Action action, String field, String oldValue, String newValue) {

	static Change of(Action action) {
		return new Change(action, null, null, null);
	}

	/** What kind of change. */
	public enum Action {

		CREATED, FIELD_CHANGED, STATUS_CHANGED, ATTACHMENT_ADDED, COMMENTED, COMMENT_EDITED, COMMENT_DELETED, DELETED

	}

}
