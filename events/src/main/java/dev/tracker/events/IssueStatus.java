package dev.tracker.events;

/** Where an issue stands in the workflow. */
public enum IssueStatus {

	OPEN, TRIAGED, IN_PROGRESS, RESOLVED, CLOSED;

	/** Whether work on the issue is still to be done (neither resolved nor closed). */
	public boolean isOpen() {
		return this != RESOLVED && this != CLOSED;
	}

}
