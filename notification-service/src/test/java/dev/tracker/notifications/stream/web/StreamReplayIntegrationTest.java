package dev.tracker.notifications.stream.web;

import java.util.UUID;

import dev.tracker.devstack.test.KeycloakUsers.TestUser;
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

import static dev.tracker.notifications.NotificationServiceTestUtils.newUser;
import static dev.tracker.notifications.NotificationServiceTestUtils.reportedBy;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reconnecting to {@code GET /api/events/stream} with {@code Last-Event-ID}, on a real
 * Kafka and Keycloak.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = NotificationServiceTestUtils.Servers.class)
class StreamReplayIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	EventHub hub;

	EventPublisher events;

	TestUser reporter;

	@BeforeEach
	void listening() {
		this.events = new EventPublisher();
		this.events.awaitListening(this.hub);
		this.reporter = newUser("REPORTER");
	}

	@AfterEach
	void close() {
		this.events.close();
	}

	@Test
	void reconnectingWithLastEventIdReplaysWhatWasMissedInOrder() {
		TestIssue issue = reportedBy(this.reporter);
		IssueEvent created = issue.created();
		IssueEvent triaged = issue.movedTo(IssueStatus.TRIAGED);
		IssueEvent commented = issue.commented("Any news?");
		IssueEvent inProgress = issue.movedTo(IssueStatus.IN_PROGRESS);
		try (EventStream watcher = EventStream.open(this.port, this.reporter.accessToken())) {
			try (EventStream first = EventStream.open(this.port, this.reporter.accessToken())) {
				this.events.publish(created);
				first.awaitEvent(created);
			}
			this.events.publish(triaged, commented);
			watcher.awaitEvent(commented);

			try (EventStream second = EventStream.open(this.port, this.reporter.accessToken(),
					created.eventId().toString())) {
				second.awaitEvent(commented);
				this.events.publish(inProgress);
				second.awaitEvent(inProgress);

				assertThat(second.frames()).doesNotContain(resync());
				assertThat(second.eventIds()).containsExactly(triaged.eventId().toString(),
						commented.eventId().toString(), inProgress.eventId().toString());
			}
		}
	}

	@Test
	void unknownLastEventIdAsksTheClientToResyncThenStreamsOn() {
		TestIssue issue = reportedBy(this.reporter);
		IssueEvent created = issue.created();

		try (EventStream stream = EventStream.open(this.port, this.reporter.accessToken(),
				UUID.randomUUID().toString())) {
			assertThat(stream.awaitFrame((frame) -> true)).isEqualTo(resync());
			this.events.publish(created);
			stream.awaitEvent(created);

			assertThat(stream.events()).containsExactly(resync(), stream.awaitEvent(created));
		}
	}

	private static Frame resync() {
		return new Frame(null, "resync", "{}", null);
	}

}
