package dev.tracker.issues.outbox;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tracker.devstack.Console;
import dev.tracker.devstack.ProjectLayout;
import dev.tracker.devstack.Stack;
import dev.tracker.devstack.test.KeycloakTokens;
import dev.tracker.devstack.test.TestHttp;
import dev.tracker.devstack.test.TestStack;
import dev.tracker.issues.IssueServiceTestUtils;
import dev.tracker.issues.IssueServiceTestUtils.EventProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An issue saved while Kafka is down is still published, once Kafka is back: the event
 * waits in the outbox. Runs against a Kafka broker of its own that the test stops and
 * starts again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OutboxKafkaOutageIntegrationTest {

	private static final TestStack stack = TestStack.get();

	private static final Stack ownKafka = startOwnKafka();

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private static Stack startOwnKafka() {
		Stack kafka = Stack.throwAway(ProjectLayout.find(), "test-kafka-outage-" + ProcessHandle.current().pid());
		kafka.start(List.of(kafka.kafka()), Console.system());
		kafka.stopAfterThisJvm();
		return kafka;
	}

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		Map<String, String> environment = new java.util.LinkedHashMap<>(stack.environmentFor("issue-service"));
		environment.put("KAFKA_BOOTSTRAP_SERVERS", ownKafka.info().kafkaBootstrapServers());
		IssueServiceTestUtils.registerServers(registry, environment);
	}

	@AfterAll
	static void stopOwnKafka() {
		ownKafka.down(Console.system());
	}

	@Test
	void issueSavedWhileKafkaIsDownIsPublishedOnceKafkaIsBack() {
		TestHttp http = new TestHttp("http://localhost:" + this.port);
		ownKafka.stop(List.of(ownKafka.kafka()), Console.system());

		HttpResponse<String> created = http.post("/api/issues", stack.tokens().accessToken(KeycloakTokens.REPORTER),
				IssueServiceTestUtils.newIssueJson("Saved during a Kafka outage", "CRITICAL"));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		UUID id = UUID.fromString(json.readTree(created.body()).get("id").asString());
		assertThat(incompletePublications()).isPositive();

		ownKafka.start(List.of(ownKafka.kafka()), Console.system());

		try (EventProbe probe = new EventProbe(ownKafka.info().kafkaBootstrapServers())) {
			List<ConsumerRecord<String, String>> records = probe.recordsOf(id, 1, Duration.ofSeconds(90));
			assertThat(records).isNotEmpty();
			assertThat(json.readTree(records.get(0).value()).get("issue").get("title").asString())
				.isEqualTo("Saved during a Kafka outage");
		}
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(incompletePublications()).isZero());
	}

	private long incompletePublications() {
		return this.jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
			.query(Long.class)
			.single();
	}

}
