package dev.tracker.stats.summary.web;

import java.time.Duration;

import dev.tracker.devstack.test.KeycloakTokens;
import dev.tracker.devstack.test.KeycloakUsers.TestUser;
import dev.tracker.events.IssueSeverity;
import dev.tracker.events.IssueStatus;
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
import static dev.tracker.stats.StatsServiceTestUtils.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/stats/summary} on real PostgreSQL, Kafka and Keycloak: events published
 * to the topic show up in the counts, and who sees which counts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = StatsServiceTestUtils.Servers.class)
class SummaryApiIntegrationTest {

	@LocalServerPort
	int port;

	@Value("${" + StatsServiceTestUtils.CONSUMER_GROUP + "}")
	String consumerGroup;

	StatsService stats;

	@BeforeEach
	void connect() {
		this.stats = new StatsService(this.port, this.consumerGroup);
	}

	@AfterEach
	void close() {
		this.stats.close();
	}

	@Test
	void createdIssueIsCountedAsOpenWithItsSeverity() {
		TestUser reporter = newUser("REPORTER");
		TestIssue issue = reportedBy(reporter, IssueSeverity.HIGH);

		this.stats.publish(issue.created());

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			Summary summary = this.stats.summary(reporter.accessToken());
			assertThat(summary.total()).isEqualTo(1);
			assertThat(summary.byStatus()).containsEntry(IssueStatus.OPEN, 1L);
			assertThat(summary.openBySeverity()).containsEntry(IssueSeverity.HIGH, 1L)
				.containsEntry(IssueSeverity.LOW, 0L)
				.containsEntry(IssueSeverity.MEDIUM, 0L)
				.containsEntry(IssueSeverity.CRITICAL, 0L);
		});
	}

	@Test
	void reporterSeesCountsOfOwnIssuesOnly() {
		TestUser rita = newUser("REPORTER");
		TestUser rob = newUser("REPORTER");

		this.stats.publish(reportedBy(rita, IssueSeverity.LOW).created(),
				reportedBy(rob, IssueSeverity.CRITICAL).created(), reportedBy(rob, IssueSeverity.CRITICAL).created());
		this.stats.awaitConsumed();

		Summary ritas = this.stats.summary(rita.accessToken());
		assertThat(ritas.total()).isEqualTo(1);
		assertThat(ritas.openBySeverity()).containsEntry(IssueSeverity.LOW, 1L)
			.containsEntry(IssueSeverity.CRITICAL, 0L);
		Summary robs = this.stats.summary(rob.accessToken());
		assertThat(robs.total()).isEqualTo(2);
		assertThat(robs.openBySeverity()).containsEntry(IssueSeverity.LOW, 0L)
			.containsEntry(IssueSeverity.CRITICAL, 2L);
	}

	@Test
	void maintainerAndAdminSeeCountsOfEveryonesIssues() {
		this.stats.awaitConsumed();
		Summary maintainerBefore = this.stats.summary(tokenOf(KeycloakTokens.MAINTAINER));
		Summary adminBefore = this.stats.summary(tokenOf(KeycloakTokens.ADMIN));

		this.stats.publish(reportedBy(newUser("REPORTER"), IssueSeverity.MEDIUM).created(),
				reportedBy(newUser("REPORTER"), IssueSeverity.MEDIUM).created());
		this.stats.awaitConsumed();

		assertTwoMoreOpenMediumIssues(maintainerBefore, this.stats.summary(tokenOf(KeycloakTokens.MAINTAINER)));
		assertTwoMoreOpenMediumIssues(adminBefore, this.stats.summary(tokenOf(KeycloakTokens.ADMIN)));
	}

	private static void assertTwoMoreOpenMediumIssues(Summary before, Summary after) {
		assertThat(after.total()).isEqualTo(before.total() + 2);
		assertThat(after.byStatus().get(IssueStatus.OPEN)).isEqualTo(before.byStatus().get(IssueStatus.OPEN) + 2);
		assertThat(after.openBySeverity().get(IssueSeverity.MEDIUM))
			.isEqualTo(before.openBySeverity().get(IssueSeverity.MEDIUM) + 2);
	}

	@Test
	void summaryNeedsAToken() {
		assertThat(this.stats.getSummary(null).statusCode()).isEqualTo(401);
		assertThat(this.stats.getSummary("not-a-token").statusCode()).isEqualTo(401);
	}

}
