package dev.tracker.notifications.stream.web;

import java.util.Map;

import dev.tracker.devstack.test.KeycloakTokens;
import dev.tracker.devstack.test.KeycloakUsers.TestUser;
import dev.tracker.devstack.test.TestHttp;
import dev.tracker.events.IssueCreated;
import dev.tracker.events.IssueEvent;
import dev.tracker.events.IssueStatus;
import dev.tracker.events.TestIssue;
import dev.tracker.notifications.NotificationServiceTestUtils;
import dev.tracker.notifications.NotificationServiceTestUtils.EventPublisher;
import dev.tracker.notifications.NotificationServiceTestUtils.EventStream;
import dev.tracker.notifications.NotificationServiceTestUtils.Frame;
import dev.tracker.notifications.stream.EventHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import static dev.tracker.events.IssueEventProducer.jsonOf;
import static dev.tracker.notifications.NotificationServiceTestUtils.newUser;
import static dev.tracker.notifications.NotificationServiceTestUtils.reportedBy;
import static dev.tracker.notifications.NotificationServiceTestUtils.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/events/stream} on a real Kafka and Keycloak: what an open stream
 * receives, and who receives what.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = NotificationServiceTestUtils.Servers.class)
class StreamApiIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	EventHub hub;

	EventPublisher events;

	@BeforeEach
	void listening() {
		this.events = new EventPublisher();
		this.events.awaitListening(this.hub);
	}

	@AfterEach
	void close() {
		this.events.close();
	}

	@Test
	void eventFromKafkaArrivesWithItsIdNameAndJson() {
		TestUser reporter = newUser("REPORTER");
		TestIssue issue = reportedBy(reporter);
		IssueCreated created = issue.created();
		IssueEvent resolved = issue.movedTo(IssueStatus.RESOLVED);

		try (EventStream stream = EventStream.open(this.port, reporter.accessToken())) {
			assertThat(stream.status()).isEqualTo(200);
			assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
			this.events.publish(created, resolved);

			assertThat(stream.awaitEvent(created))
				.isEqualTo(new Frame(created.eventId().toString(), "issue.created", jsonOf(created), null));
			assertThat(stream.awaitEvent(resolved))
				.isEqualTo(new Frame(resolved.eventId().toString(), "issue.status-changed", jsonOf(resolved), null));
		}
	}

	@Test
	void reporterReceivesEventsOfOwnIssuesOnlyWhileMaintainerReceivesAll() {
		TestUser rita = newUser("REPORTER");
		TestUser rob = newUser("REPORTER");
		IssueEvent robs = reportedBy(rob).created();
		IssueEvent ritas = reportedBy(rita).created();

		try (EventStream ritasStream = EventStream.open(this.port, rita.accessToken());
				EventStream maintainersStream = EventStream.open(this.port, tokenOf(KeycloakTokens.MAINTAINER))) {
			this.events.publish(robs);
			maintainersStream.awaitEvent(robs);
			this.events.publish(ritas);
			maintainersStream.awaitEvent(ritas);
			ritasStream.awaitEvent(ritas);

			// an SSE connection keeps the hub's order: Rob's event would have come first
			assertThat(ritasStream.eventIds()).containsExactly(ritas.eventId().toString());
		}
	}

	@Test
	void eventDeliveredTwiceByKafkaIsSentOnce() {
		TestUser reporter = newUser("REPORTER");
		TestIssue issue = reportedBy(reporter);
		IssueEvent created = issue.created();
		IssueEvent commented = issue.commented("Still happens");

		try (EventStream stream = EventStream.open(this.port, reporter.accessToken())) {
			this.events.publish(created, created, commented);
			stream.awaitEvent(commented);

			assertThat(stream.eventIds()).containsExactly(created.eventId().toString(), commented.eventId().toString());
		}
	}

	@Test
	void recordsThatAreNoEventsDoNotHoldUpLaterEventsOfTheirPartition() {
		TestUser reporter = newUser("REPORTER");
		TestIssue issue = reportedBy(reporter);
		IssueCreated created = issue.created();
		String key = issue.id().toString();
		Map<String, String> headers = created.cloudEventHeaders();

		try (EventStream stream = EventStream.open(this.port, reporter.accessToken())) {
			this.events.publish(key, "{\"eventId\": \"no type header\"}", Map.of("ce_id", "no-type"));
			this.events.publish(key, "{this is not json", headers);
			this.events.publish(key, "{}", headers);
			this.events.publish(key, "{}", Map.of("ce_type", "tracker.issue.archived"));
			this.events.publish(created);

			stream.awaitEvent(created);
			assertThat(stream.eventIds()).containsExactly(created.eventId().toString());
		}
	}

	@Test
	void idleStreamGetsHeartbeatComments() {
		try (EventStream stream = EventStream.open(this.port, newUser("REPORTER").accessToken())) {
			stream.awaitFrame((frame) -> frame.isComment() && frame.comment().equals("connected"));
			stream.awaitFrame((frame) -> frame.isComment() && frame.comment().equals("heartbeat"));

			assertThat(stream.events()).isEmpty();
		}
	}

	@Test
	void streamNeedsAValidToken() {
		TestHttp http = new TestHttp("http://localhost:" + this.port);

		assertThat(http.get("/api/events/stream", null).statusCode()).isEqualTo(401);
		assertThat(http.get("/api/events/stream", "not-a-token").statusCode()).isEqualTo(401);
	}

}
