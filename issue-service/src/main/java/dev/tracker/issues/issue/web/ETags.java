package dev.tracker.issues.issue.web;

import dev.tracker.issues.issue.IssueProblems;

/**
 * An issue's ETag is its version; writes must name the version they were made from in
 * {@code If-Match}.
 */
final class ETags {

	private ETags() {
	}

	static String of(long version) {
		return "\"" + version + "\"";
	}

	/**
	 * The version an {@code If-Match} header names; a missing or unusable header is a
	 * precondition required.
	 */
	static long requiredVersion(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank()) {
			throw new PreconditionRequired("This change needs an If-Match header with the issue's ETag");
		}
		String tag = ifMatch.strip();
		if (tag.startsWith("W/")) {
			tag = tag.substring(2);
		}
		if (tag.length() < 3 || !tag.startsWith("\"") || !tag.endsWith("\"")) {
			throw new PreconditionRequired("If-Match must carry the issue's ETag, e.g. \"3\"; got " + ifMatch);
		}
		try {
			return Long.parseLong(tag.substring(1, tag.length() - 1));
		}
		catch (NumberFormatException ex) {
			// an ETag of something else can never match this issue
			throw new IssueProblems.StaleVersion(-1, -1);
		}
	}

	/** A write came without a usable {@code If-Match}. */
	static final class PreconditionRequired extends RuntimeException {

		PreconditionRequired(String message) {
			super(message);
		}

	}

}
