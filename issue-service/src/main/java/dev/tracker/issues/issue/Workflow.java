package dev.tracker.issues.issue;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import dev.tracker.events.IssueStatus;

import static dev.tracker.events.IssueStatus.CLOSED;
import static dev.tracker.events.IssueStatus.IN_PROGRESS;
import static dev.tracker.events.IssueStatus.OPEN;
import static dev.tracker.events.IssueStatus.RESOLVED;
import static dev.tracker.events.IssueStatus.TRIAGED;

/**
 * The status workflow, in one place:
 *
 * <pre>
 * OPEN → TRIAGED → IN_PROGRESS → RESOLVED → CLOSED
 * TRIAGED → OPEN, IN_PROGRESS → TRIAGED             (step back)
 * OPEN | TRIAGED → CLOSED                            (won't fix, duplicate, cannot reproduce: needs a reason)
 * RESOLVED → IN_PROGRESS, CLOSED → OPEN              (reopen)
 * </pre>
 *
 * Every status change of every write path goes through {@link Issue#moveTo}, which asks
 * this class.
 */
public final class Workflow {

	private static final Map<IssueStatus, Set<IssueStatus>> TRANSITIONS = Map.of(OPEN, EnumSet.of(TRIAGED, CLOSED),
			TRIAGED, EnumSet.of(IN_PROGRESS, OPEN, CLOSED), IN_PROGRESS, EnumSet.of(RESOLVED, TRIAGED), RESOLVED,
			EnumSet.of(CLOSED, IN_PROGRESS), CLOSED, EnumSet.of(OPEN));

	private Workflow() {
	}

	/** The statuses an issue in the given status may move to. */
	public static Set<IssueStatus> targets(IssueStatus from) {
		return EnumSet.copyOf(TRANSITIONS.get(from));
	}

	/** Whether the move is one of the workflow's. */
	public static boolean allows(IssueStatus from, IssueStatus to) {
		return TRANSITIONS.get(from).contains(to);
	}

	/**
	 * Whether the move reopens a finished issue: the only moves a reporter may make, on
	 * their own issues.
	 */
	public static boolean isReopen(IssueStatus from, IssueStatus to) {
		return (from == RESOLVED && to == IN_PROGRESS) || (from == CLOSED && to == OPEN);
	}

	/**
	 * Whether the move closes an issue that was never worked on, which needs a
	 * {@link CloseReason}.
	 */
	public static boolean needsReason(IssueStatus from, IssueStatus to) {
		return to == CLOSED && (from == OPEN || from == TRIAGED);
	}

}
