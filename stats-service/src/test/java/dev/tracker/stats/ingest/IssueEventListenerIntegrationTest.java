package dev.tracker.stats.ingest;

import java.util.Map;

import dev.tracker.devstack.test.KeycloakUsers.TestUser;
import dev.tracker.events.IssueCreated;
import dev.tracker.events.IssueSeverity;
import dev.tracker.events.IssueStatus;
import dev.tracker.events.IssueStatusChanged;
import dev.tracker.events.IssueUpdated;
import dev.tracker.events.TestIssue;
import dev.tracker.stats.StatsServiceTestUtils;
import dev.tracker.stats.StatsServiceTestUtils.StatsService;
import dev.tracker.stats.summary.Summary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import static dev.tracker.stats.StatsServiceTestUtils.newUser;
import static dev.tracker.stats.StatsServiceTestUtils.reportedBy;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projection fed from a real Kafka topic: idempotent, ordered by issue version, and
 * not held up by records it cannot read. Every test reports as a fresh user and reads
 * that user's counts, after the service consumed everything published.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = StatsServiceTestUtils.Servers.class)
class IssueEventListenerIntegrationTest {

	@LocalServerPort
	int port;

	@Value("${" + StatsServiceTestUtils.CONSUMER_GROUP + "}")
	String consumerGroup;

	StatsService stats;

	TestUser reporter;

	@BeforeEach
	void connect() {
		this.stats = new StatsService(this.port, this.consumerGroup);
		this.reporter = newUser("REPORTER");
	}

	@AfterEach
	void close() {
		this.stats.close();
	}

	private Summary reportersSummaryOnceConsumed() {
		this.stats.awaitConsumed();
		return this.stats.summary(this.reporter.accessToken());
	}

	@Test
	void sameEventDeliveredTwiceCountsOnce() {
		IssueCreated created = reportedBy(this.reporter, IssueSeverity.HIGH).created();

		this.stats.publish(created, created);

		Summary summary = reportersSummaryOnceConsumed();
		assertThat(summary.total()).isEqualTo(1);
		assertThat(summary.openBySeverity()).containsEntry(IssueSeverity.HIGH, 1L);
	}

	@Test
	void olderVersionArrivingAfterANewerOneChangesNothing() {
		TestIssue issue = reportedBy(this.reporter, IssueSeverity.HIGH);
		IssueCreated created = issue.created();
		IssueUpdated lowered = issue.severityChangedTo(IssueSeverity.LOW);
		IssueStatusChanged resolved = issue.movedTo(IssueStatus.RESOLVED);

		this.stats.publish(created, resolved, lowered);

		Summary summary = reportersSummaryOnceConsumed();
		assertThat(summary.total()).isEqualTo(1);
		assertThat(summary.byStatus()).containsEntry(IssueStatus.RESOLVED, 1L).containsEntry(IssueStatus.OPEN, 0L);
		assertThat(summary.openBySeverity().values()).containsOnly(0L);
	}

	@Test
	void resolvingAnIssueMovesItOutOfTheOpenCounts() {
		TestIssue issue = reportedBy(this.reporter, IssueSeverity.CRITICAL);
		this.stats.publish(issue.created());
		assertThat(reportersSummaryOnceConsumed().openBySeverity()).containsEntry(IssueSeverity.CRITICAL, 1L);

		this.stats.publish(issue.movedTo(IssueStatus.RESOLVED));

		Summary summary = reportersSummaryOnceConsumed();
		assertThat(summary.openBySeverity()).containsEntry(IssueSeverity.CRITICAL, 0L);
		assertThat(summary.byStatus()).containsEntry(IssueStatus.OPEN, 0L).containsEntry(IssueStatus.RESOLVED, 1L);
		assertThat(summary.total()).isEqualTo(1);
	}

	@Test
	void deletedIssueIsNoLongerCounted() {
		TestIssue issue = reportedBy(this.reporter, IssueSeverity.MEDIUM);
		this.stats.publish(issue.created(), issue.movedTo(IssueStatus.TRIAGED));
		assertThat(reportersSummaryOnceConsumed().total()).isEqualTo(1);

		this.stats.publish(issue.deleted());

		Summary summary = reportersSummaryOnceConsumed();
		assertThat(summary.total()).isZero();
		assertThat(summary.byStatus().values()).containsOnly(0L);
		assertThat(summary.openBySeverity().values()).containsOnly(0L);
	}

	@Test
	void deletionCarryingTheLastVersionUnchangedStillRemovesTheIssue() {
		TestIssue issue = reportedBy(this.reporter, IssueSeverity.MEDIUM);
		this.stats.publish(issue.created());

		this.stats.publish(issue.deletedAtLastVersion());

		assertThat(reportersSummaryOnceConsumed().total()).isZero();
	}

	@Test
	void recordsThatAreNoEventsDoNotHoldUpLaterEventsOfTheirPartition() {
		TestIssue issue = reportedBy(this.reporter, IssueSeverity.LOW);
		IssueCreated created = issue.created();
		String key = issue.id().toString();
		Map<String, String> headers = created.cloudEventHeaders();

		this.stats.publish(key, "{\"eventId\": \"no type header\"}", Map.of("ce_id", "no-type"));
		this.stats.publish(key, "{this is not json", headers);
		this.stats.publish(key, "[\"json, but not an event\"]", headers);
		this.stats.publish(key, "{}", headers);
		this.stats.publish(key, "{}", Map.of("ce_type", "tracker.issue.archived"));
		this.stats.publish(created);

		Summary summary = reportersSummaryOnceConsumed();
		assertThat(summary.total()).isEqualTo(1);
		assertThat(summary.openBySeverity()).containsEntry(IssueSeverity.LOW, 1L);
	}

}
