package dev.tracker.issues.issue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import dev.tracker.events.IssueStatus;
import dev.tracker.issues.issue.IssueProblems.NotAllowed;
import dev.tracker.issues.security.Caller;

/**
 * Who may do what to an issue: the "Who may do what" table of DESIGN.md, in one place. A
 * reporter who may not see an issue is told it does not exist.
 */
public final class IssuePolicy {

	private IssuePolicy() {
	}

	/** Maintainers and administrators see every issue, reporters their own. */
	public static boolean canSee(Caller caller, Issue issue) {
		return caller.isStaff() || issue.isReportedBy(caller.id());
	}

	/**
	 * Title and description: maintainers and administrators always, reporters their own
	 * while not closed.
	 */
	public static void requireCanEditText(Caller caller, Issue issue) {
		if (!caller.isStaff() && issue.status() == IssueStatus.CLOSED) {
			throw new NotAllowed("A closed issue can no longer be edited by its reporter; reopen it first");
		}
	}

	/** Severity and assignee: maintainers and administrators only. */
	public static void requireCanTriage(Caller caller) {
		if (!caller.isStaff()) {
			throw new NotAllowed("Only maintainers and administrators change severity and assignee");
		}
	}

	/**
	 * The moves the caller may make from the issue's status: every workflow move for
	 * maintainers and administrators; for the reporter, reopening their resolved or
	 * closed issue.
	 */
	public static Set<IssueStatus> movesFor(Caller caller, Issue issue) {
		Set<IssueStatus> targets = Workflow.targets(issue.status());
		if (caller.isStaff()) {
			return targets;
		}
		Set<IssueStatus> reopen = EnumSet.noneOf(IssueStatus.class);
		targets.stream().filter((to) -> Workflow.isReopen(issue.status(), to)).forEach(reopen::add);
		return reopen;
	}

	/** Deleting: administrators only. */
	public static void requireCanDelete(Caller caller) {
		if (!caller.isAdmin()) {
			throw new NotAllowed("Only administrators delete issues");
		}
	}

	/**
	 * Changing or deleting a comment: its author within the edit window, administrators
	 * any time.
	 */
	public static void requireCanChangeComment(Caller caller, Comment comment, Instant now, Duration window) {
		if (caller.isAdmin()) {
			return;
		}
		if (!comment.isWrittenBy(caller.id())) {
			throw new NotAllowed("Only the author or an administrator changes a comment");
		}
		if (!comment.isEditableAt(now, window)) {
			throw new NotAllowed("A comment can be changed for " + window.toMinutes() + " minutes after writing it");
		}
	}

}
