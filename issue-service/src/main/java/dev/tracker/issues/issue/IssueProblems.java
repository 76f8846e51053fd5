package dev.tracker.issues.issue;

import java.util.Set;
import java.util.UUID;

import dev.tracker.events.IssueStatus;

/**
 * What can go wrong with a request about an issue; the web layer turns each into its
 * problem response.
 */
public final class IssueProblems {

	private IssueProblems() {
	}

	/** The issue (or comment) does not exist, or the caller may not know it exists. */
	public static final class NotFound extends RuntimeException {

		public NotFound(String what) {
			super(what + " not found");
		}

		static NotFound issue(UUID id) {
			return new NotFound("Issue " + id);
		}

	}

	/** The caller may see the issue but not do this to it. */
	public static final class NotAllowed extends RuntimeException {

		public NotAllowed(String message) {
			super(message);
		}

	}

	/** The workflow has no such move from the issue's status (for this caller). */
	public static final class IllegalTransition extends RuntimeException {

		private final IssueStatus from;

		private final IssueStatus to;

		private final Set<IssueStatus> allowed;

		public IllegalTransition(IssueStatus from, IssueStatus to, Set<IssueStatus> allowed) {
			super("An issue in status " + from + " cannot move to " + to + "; allowed: "
					+ (allowed.isEmpty() ? "none" : allowed));
			this.from = from;
			this.to = to;
			this.allowed = Set.copyOf(allowed);
		}

		public IssueStatus from() {
			return this.from;
		}

		public IssueStatus to() {
			return this.to;
		}

		public Set<IssueStatus> allowed() {
			return this.allowed;
		}

	}

	/** A field of the request has a value the rules do not accept. */
	public static final class InvalidField extends RuntimeException {

		private final String field;

		public InvalidField(String field, String message) {
			super(message);
			this.field = field;
		}

		public String field() {
			return this.field;
		}

	}

	/** The caller's copy of the issue is older than the stored one. */
	public static final class StaleVersion extends RuntimeException {

		public StaleVersion(long expected, long actual) {
			super("The issue changed since version " + expected + "; it is now at version " + actual
					+ ". Read it again and retry.");
		}

	}

}
