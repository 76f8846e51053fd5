package dev.tracker.issues.issue;

import java.util.Set;

import dev.tracker.events.IssueStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.tracker.events.IssueStatus.CLOSED;
import static dev.tracker.events.IssueStatus.IN_PROGRESS;
import static dev.tracker.events.IssueStatus.OPEN;
import static dev.tracker.events.IssueStatus.RESOLVED;
import static dev.tracker.events.IssueStatus.TRIAGED;
import static org.assertj.core.api.Assertions.assertThat;

class WorkflowUnitTest {

	private static final Set<String> MOVES = Set.of("OPEN>TRIAGED", "TRIAGED>IN_PROGRESS", "IN_PROGRESS>RESOLVED",
			"RESOLVED>CLOSED", "TRIAGED>OPEN", "IN_PROGRESS>TRIAGED", "OPEN>CLOSED", "TRIAGED>CLOSED",
			"RESOLVED>IN_PROGRESS", "CLOSED>OPEN");

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource({ "OPEN,OPEN", "OPEN,TRIAGED", "OPEN,IN_PROGRESS", "OPEN,RESOLVED", "OPEN,CLOSED", "TRIAGED,OPEN",
			"TRIAGED,TRIAGED", "TRIAGED,IN_PROGRESS", "TRIAGED,RESOLVED", "TRIAGED,CLOSED", "IN_PROGRESS,OPEN",
			"IN_PROGRESS,TRIAGED", "IN_PROGRESS,IN_PROGRESS", "IN_PROGRESS,RESOLVED", "IN_PROGRESS,CLOSED",
			"RESOLVED,OPEN", "RESOLVED,TRIAGED", "RESOLVED,IN_PROGRESS", "RESOLVED,RESOLVED", "RESOLVED,CLOSED",
			"CLOSED,OPEN", "CLOSED,TRIAGED", "CLOSED,IN_PROGRESS", "CLOSED,RESOLVED", "CLOSED,CLOSED" })
	void everyPairOfStatusesIsAMoveExactlyWhenTheDesignSaysSo(IssueStatus from, IssueStatus to) {
		boolean designed = MOVES.contains(from + ">" + to);

		assertThat(Workflow.allows(from, to)).isEqualTo(designed);
		assertThat(Workflow.targets(from).contains(to)).isEqualTo(designed);
		assertThat(Workflow.needsReason(from, to)).isEqualTo(to == CLOSED && (from == OPEN || from == TRIAGED));
		assertThat(Workflow.isReopen(from, to))
			.isEqualTo((from == RESOLVED && to == IN_PROGRESS) || (from == CLOSED && to == OPEN));
	}

}
