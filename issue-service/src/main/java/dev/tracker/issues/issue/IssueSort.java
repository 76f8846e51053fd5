package dev.tracker.issues.issue;

/** The orders issues can be listed in. */
public enum IssueSort {

	/** Most recently reported first. */
	NEWEST,

	/** Earliest reported first. */
	OLDEST,

	/** Most recently changed first. */
	UPDATED,

	/** Most severe first, then newest. */
	SEVERITY,

	/** Best full-text match first (the default with a text query). */
	RELEVANCE

}
