package dev.tracker.stats;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.tracker.devstack.test.KeycloakUsers.TestUser;
import dev.tracker.devstack.test.TestHttp;
import dev.tracker.devstack.test.TestStack;
import dev.tracker.events.Actor;
import dev.tracker.events.IssueCreated;
import dev.tracker.events.IssueDeleted;
import dev.tracker.events.IssueEvent;
import dev.tracker.events.IssueSeverity;
import dev.tracker.events.IssueSnapshot;
import dev.tracker.events.IssueStatus;
import dev.tracker.events.IssueStatusChanged;
import dev.tracker.events.IssueUpdated;
import dev.tracker.stats.summary.Summary;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
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
	public static final class StatsService implements AutoCloseable {

		private final TestHttp http;

		private final String consumerGroup;

		private final KafkaProducer<String, String> producer;

		public StatsService(int port, String consumerGroup) {
			this.http = new TestHttp("http://localhost:" + port);
			this.consumerGroup = consumerGroup;
			Properties properties = new Properties();
			properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
			properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
			properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
			properties.put(ProducerConfig.ACKS_CONFIG, "all");
			this.producer = new KafkaProducer<>(properties);
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
		 * Publishes events as the issue service does: key = issue id, the event as JSON,
		 * CloudEvents headers.
		 */
		public void publish(IssueEvent... events) {
			for (IssueEvent event : events) {
				publish(event.issue().id().toString(), json.writeValueAsString(event), cloudEventHeaders(event));
			}
		}

		/** Publishes any record, e.g. one no valid event would make. */
		public void publish(String key, String value, Map<String, String> headers) {
			ProducerRecord<String, String> record = new ProducerRecord<>(IssueEvent.TOPIC, key, value);
			headers.forEach((name, header) -> record.headers()
				.add(new RecordHeader(name, header.getBytes(StandardCharsets.UTF_8))));
			try {
				this.producer.send(record).get(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			catch (ExecutionException | TimeoutException ex) {
				throw new IllegalStateException("Kafka did not take the record", ex);
			}
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

		@Override
		public void close() {
			this.producer.close(Duration.ofSeconds(5));
		}

	}

	/** The CloudEvents headers the issue service puts on an event's record. */
	public static Map<String, String> cloudEventHeaders(IssueEvent event) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("ce_specversion", "1.0");
		headers.put("ce_id", event.eventId().toString());
		headers.put("ce_source", IssueEvent.SOURCE);
		headers.put("ce_type", event.type());
		headers.put("ce_time", event.occurredAt().toString());
		headers.put("ce_subject", event.issue().id().toString());
		return headers;
	}

	/**
	 * An issue as its events tell it: each method returns the next event, one version on,
	 * as the issue service would publish it.
	 */
	public static final class TestIssue {

		private final UUID id = UUID.randomUUID();

		private final Actor reporter;

		private final Instant createdAt = Instant.now();

		private IssueSeverity severity;

		private IssueStatus status = IssueStatus.OPEN;

		private long version = -1;

		private TestIssue(Actor reporter, IssueSeverity severity) {
			this.reporter = reporter;
			this.severity = severity;
		}

		/** An issue the user reports. */
		public static TestIssue reportedBy(TestUser user, IssueSeverity severity) {
			return reportedBy(new Actor(user.id(), user.name(), user.email()), severity);
		}

		/** An issue the person reports. */
		public static TestIssue reportedBy(Actor reporter, IssueSeverity severity) {
			return new TestIssue(reporter, severity);
		}

		public UUID id() {
			return this.id;
		}

		/** The first event: the issue was reported, in status {@code OPEN}. */
		public IssueCreated created() {
			return new IssueCreated(UUID.randomUUID(), Instant.now(), this.reporter, next());
		}

		/** The issue moved to another status. */
		public IssueStatusChanged movedTo(IssueStatus to) {
			IssueStatus previous = this.status;
			this.status = to;
			return new IssueStatusChanged(UUID.randomUUID(), Instant.now(), this.reporter, next(), previous, null);
		}

		/** The issue's severity changed. */
		public IssueUpdated severityChangedTo(IssueSeverity to) {
			this.severity = to;
			return new IssueUpdated(UUID.randomUUID(), Instant.now(), this.reporter, next(), List.of("severity"));
		}

		/** The issue was deleted; the event carries its last state, one version on. */
		public IssueDeleted deleted() {
			return new IssueDeleted(UUID.randomUUID(), Instant.now(), this.reporter, next());
		}

		/**
		 * The issue was deleted; the event carries its last state at the version it had.
		 */
		public IssueDeleted deletedAtLastVersion() {
			return new IssueDeleted(UUID.randomUUID(), Instant.now(), this.reporter, snapshot(this.version));
		}

		private IssueSnapshot next() {
			this.version++;
			return snapshot(this.version);
		}

		private IssueSnapshot snapshot(long version) {
			Instant now = Instant.now();
			boolean done = !this.status.isOpen();
			return new IssueSnapshot(this.id, "TRK-" + Math.abs(this.id.getLeastSignificantBits() % 100_000),
					"Issue " + this.id, "Steps to reproduce", this.severity, this.status, this.reporter, null,
					List.of(), this.createdAt, now, done ? now : null, version);
		}

	}

}
