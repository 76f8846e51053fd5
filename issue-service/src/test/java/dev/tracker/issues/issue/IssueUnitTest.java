package dev.tracker.issues.issue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.tracker.events.Actor;
import dev.tracker.events.IssueAttachmentAdded;
import dev.tracker.events.IssueCreated;
import dev.tracker.events.IssueEvent;
import dev.tracker.events.IssueSeverity;
import dev.tracker.events.IssueStatus;
import dev.tracker.events.IssueStatusChanged;
import dev.tracker.events.IssueUpdated;
import dev.tracker.issues.issue.IssueProblems.IllegalTransition;
import dev.tracker.issues.issue.IssueProblems.InvalidField;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IssueUnitTest {

	private static final Actor RITA = new Actor("rita", "Rita Reporter", "reporter@example.com");

	private static final Actor MAX = new Actor("max", "Max Maintainer", "maintainer@example.com");

	private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

	private static Issue reported() {
		return Issue.report(42, "Upload fails", "It *fails*", IssueSeverity.HIGH, RITA, List.of(), T0);
	}

	private static List<IssueEvent> events(Issue issue) {
		List<IssueEvent> events = new ArrayList<>();
		issue.registeredEvents().forEach((event) -> events.add((IssueEvent) event));
		return events;
	}

	@Test
	void reportedIssueIsOpenNamesItsReporterAndAnnouncesItselfAtVersionZero() {
		Issue issue = reported();

		assertThat(issue.key()).isEqualTo("TRK-42");
		assertThat(issue.status()).isEqualTo(IssueStatus.OPEN);
		assertThat(issue.isReportedBy("rita")).isTrue();
		assertThat(events(issue)).singleElement().isInstanceOfSatisfying(IssueCreated.class, (created) -> {
			assertThat(created.issue().version()).isZero();
			assertThat(created.actor()).isEqualTo(RITA);
		});
		assertThat(issue.drainChanges()).extracting(Change::action).containsExactly(Change.Action.CREATED);
	}

	@Test
	void resolvingSetsTheResolutionTimeAndReopeningClearsIt() {
		Issue issue = reported();
		issue.moveTo(IssueStatus.TRIAGED, null, null, MAX, T0.plusSeconds(60));
		issue.moveTo(IssueStatus.IN_PROGRESS, null, null, MAX, T0.plusSeconds(120));
		issue.moveTo(IssueStatus.RESOLVED, null, null, MAX, T0.plusSeconds(180));

		assertThat(issue.resolvedAt()).isEqualTo(T0.plusSeconds(180));
		issue.moveTo(IssueStatus.CLOSED, null, null, MAX, T0.plusSeconds(240));
		assertThat(issue.resolvedAt()).isEqualTo(T0.plusSeconds(180));
		issue.moveTo(IssueStatus.OPEN, null, null, RITA, T0.plusSeconds(300));
		assertThat(issue.resolvedAt()).isNull();
		assertThat(issue.updatedAt()).isEqualTo(T0.plusSeconds(300));
		assertThat(events(issue).get(events(issue).size() - 1)).isInstanceOfSatisfying(IssueStatusChanged.class,
				(moved) -> {
					assertThat(moved.previousStatus()).isEqualTo(IssueStatus.CLOSED);
					assertThat(moved.issue().status()).isEqualTo(IssueStatus.OPEN);
					assertThat(moved.issue().version()).isEqualTo(1);
				});
	}

	@Test
	void illegalMoveNamesTheAllowedTargets() {
		Issue issue = reported();

		assertThatThrownBy(() -> issue.moveTo(IssueStatus.RESOLVED, null, null, MAX, T0)).isInstanceOfSatisfying(
				IllegalTransition.class,
				(ex) -> assertThat(ex.allowed()).containsExactlyInAnyOrder(IssueStatus.TRIAGED, IssueStatus.CLOSED));
		assertThat(issue.status()).isEqualTo(IssueStatus.OPEN);
	}

	@Test
	void closingWithoutWorkNeedsAReasonAndADuplicateNamesAnotherIssue() {
		Issue issue = reported();

		assertThatThrownBy(() -> issue.moveTo(IssueStatus.CLOSED, null, null, MAX, T0))
			.isInstanceOfSatisfying(InvalidField.class, (ex) -> assertThat(ex.field()).isEqualTo("reason"));
		assertThatThrownBy(() -> issue.moveTo(IssueStatus.CLOSED, CloseReason.DUPLICATE, null, MAX, T0))
			.isInstanceOfSatisfying(InvalidField.class, (ex) -> assertThat(ex.field()).isEqualTo("duplicateOf"));
		assertThatThrownBy(() -> issue.moveTo(IssueStatus.CLOSED, CloseReason.DUPLICATE, issue.id(), MAX, T0))
			.isInstanceOf(InvalidField.class);
		assertThatThrownBy(() -> issue.moveTo(IssueStatus.TRIAGED, CloseReason.WONT_FIX, null, MAX, T0))
			.isInstanceOf(InvalidField.class);

		UUID original = UUID.randomUUID();
		issue.moveTo(IssueStatus.CLOSED, CloseReason.DUPLICATE, original, MAX, T0);
		assertThat(issue.closeReason()).isEqualTo(CloseReason.DUPLICATE);
		assertThat(issue.duplicateOf()).isEqualTo(original);
		assertThat(events(issue).get(1)).isInstanceOfSatisfying(IssueStatusChanged.class,
				(closed) -> assertThat(closed.reason()).isEqualTo("DUPLICATE"));
	}

	@Test
	void editRecordsOnlyWhatChangedWithOldAndNewValues() {
		Issue issue = reported();
		issue.drainChanges();
		Person max = Person.of(MAX);

		boolean changed = issue.edit(
				new IssueEdit("Upload fails", Patch.to("New text"), IssueSeverity.CRITICAL, Patch.to(max)), MAX,
				T0.plusSeconds(5));

		assertThat(changed).isTrue();
		assertThat(issue.drainChanges()).extracting(Change::field, Change::oldValue, Change::newValue)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("description", "It *fails*", "New text"),
					org.assertj.core.groups.Tuple.tuple("severity", "HIGH", "CRITICAL"),
					org.assertj.core.groups.Tuple.tuple("assignee", null, "Max Maintainer <maintainer@example.com>"));
		assertThat(events(issue).get(1)).isInstanceOfSatisfying(IssueUpdated.class,
				(updated) -> assertThat(updated.changedFields()).containsExactly("description", "severity",
						"assignee"));
		assertThat(issue.edit(new IssueEdit("Upload fails", null, IssueSeverity.CRITICAL, Patch.to(max)), MAX, T0))
			.isFalse();
	}

	@Test
	void attachingTheSameFileTwiceChangesNothingAndTheNumberOfFilesIsCapped() {
		Issue issue = reported();
		UUID file = UUID.randomUUID();

		assertThat(issue.attach(file, RITA, T0)).isTrue();
		assertThat(issue.attach(file, RITA, T0)).isFalse();
		assertThat(events(issue)).filteredOn(IssueAttachmentAdded.class::isInstance).hasSize(1);
		for (int i = 1; i < Issue.MAX_ATTACHMENTS; i++) {
			issue.attach(UUID.randomUUID(), RITA, T0);
		}
		assertThatThrownBy(() -> issue.attach(UUID.randomUUID(), RITA, T0)).isInstanceOf(InvalidField.class);
		assertThatThrownBy(() -> Issue.report(1, "t", null, IssueSeverity.LOW, RITA,
				java.util.stream.Stream.generate(UUID::randomUUID).limit(51).toList(), T0))
			.isInstanceOf(InvalidField.class);
	}

}
