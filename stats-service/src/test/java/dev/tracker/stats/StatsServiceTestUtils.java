package dev.tracker.stats;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import dev.tracker.devstack.test.KeycloakUsers.TestUser;
import dev.tracker.devstack.test.TestHttp;
import dev.tracker.devstack.test.TestStack;
import dev.tracker.events.Actor;
import dev.tracker.events.IssueEvent;
import dev.tracker.events.IssueEventProducer;
import dev.tracker.events.IssueSeverity;
import dev.tracker.events.TestIssue;
import dev.tracker.stats.summary.Summary;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fixtures of the stats service's tests: real servers, issue events as the issue service
 * publishes them, and the summary API as clients call it.
 */
public final class StatsServiceTestUtils {

	/** The property holding the listener's consumer group. */
	public static final String CONSUMER_GROUP = "tracker.stats.consumer-group";

	private static final JsonMapper json = JsonMapper.builder().build();

	private StatsServiceTestUtils() {
	}

	/**
	 * Points an application context at the test stack, with a database and a consumer
	 * group of its own. Used as {@code @ContextConfiguration(initializers = ...)} so that
	 * every integration test class shares one context (and one consumer).
	 */
	public static final class Servers implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			Map<String, Object> properties = new LinkedHashMap<>(TestStack.get().environmentFor("stats-service"));
			properties.put(CONSUMER_GROUP, "stats-test-" + UUID.randomUUID());
			context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-stack", properties));
		}

	}

	/** A new user with the role, made in the test stack's Keycloak. */
	public static TestUser newUser(String role) {
		return TestStack.get().users().create(role);
	}

	/** An access token of a demo user, e.g. {@code KeycloakTokens.MAINTAINER}. */
	public static String tokenOf(String demoUser) {
		return TestStack.get().tokens().accessToken(demoUser);
	}

	/**
	 * A running stats service as its clients and the issue service see it: the summary
	 * API, and the issue events topic it reads.
	 */
	public static final class StatsService extends IssueEventProducer {

		private final TestHttp http;

		private final String consumerGroup;

		public StatsService(int port, String consumerGroup) {
			super(bootstrapServers());
			this.http = new TestHttp("http://localhost:" + port);
			this.consumerGroup = consumerGroup;
		}

		private static String bootstrapServers() {
			return TestStack.get().info().kafkaBootstrapServers();
		}

		/** {@code GET /api/stats/summary} with a bearer token ({@code null} for none). */
		public HttpResponse<String> getSummary(String token) {
			return this.http.get("/api/stats/summary", token);
		}

		/** The summary the token's user sees. */
		public Summary summary(String token) {
			HttpResponse<String> response = getSummary(token);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			return json.readValue(response.body(), Summary.class);
		}

		/**
		 * Waits until the service has consumed every record on the topic so far, so that
		 * a test can assert that something did <em>not</em> change.
		 */
		public void awaitConsumed() {
			try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
				await().atMost(Duration.ofSeconds(60))
					.pollInterval(Duration.ofMillis(200))
					.until(() -> consumedAll(admin));
			}
		}

		private boolean consumedAll(Admin admin) throws Exception {
			TopicDescription topic;
			try {
				topic = admin.describeTopics(List.of(IssueEvent.TOPIC)).allTopicNames().get().get(IssueEvent.TOPIC);
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof UnknownTopicOrPartitionException) {
					return true;
				}
				throw ex;
			}
			List<TopicPartition> partitions = topic.partitions()
				.stream()
				.map((partition) -> new TopicPartition(IssueEvent.TOPIC, partition.partition()))
				.toList();
			Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
			partitions.forEach((partition) -> latest.put(partition, OffsetSpec.latest()));
			var ends = admin.listOffsets(latest).all().get();
			Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(this.consumerGroup)
				.partitionsToOffsetAndMetadata()
				.get();
			return partitions.stream().allMatch((partition) -> {
				long end = ends.get(partition).offset();
				OffsetAndMetadata position = committed.get(partition);
				return (position != null) ? position.offset() >= end : end == 0;
			});
		}

	}

	/** An issue the user reports, as its events tell it. */
	public static TestIssue reportedBy(TestUser user, IssueSeverity severity) {
		return TestIssue.reportedBy(new Actor(user.id(), user.name(), user.email()), severity);
	}

}
