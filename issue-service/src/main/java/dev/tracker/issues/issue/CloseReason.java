package dev.tracker.issues.issue;

/** Why an issue was closed without being fixed. */
public enum CloseReason {

	WONT_FIX, DUPLICATE, CANNOT_REPRODUCE

}
