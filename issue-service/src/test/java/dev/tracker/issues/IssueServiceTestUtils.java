package dev.tracker.issues;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import dev.tracker.devstack.test.TestStack;
import dev.tracker.events.IssueEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Fixtures of the issue service's tests: real servers, and a probe of what reaches Kafka.
 */
public final class IssueServiceTestUtils {

	private IssueServiceTestUtils() {
	}

	/** Points the application at the test stack, with a database of its own. */
	public static void registerServers(DynamicPropertyRegistry registry) {
		registerServers(registry, TestStack.get().environmentFor("issue-service"));
	}

	/** Points the application at the given servers. */
	public static void registerServers(DynamicPropertyRegistry registry, Map<String, String> environment) {
		environment.forEach((key, value) -> registry.add(key, () -> value));
		registry.add("tracker.outbox.retry-interval", () -> "1s");
		registry.add("tracker.outbox.retry-min-age", () -> "3s");
	}

	/** A JSON body for creating an issue. */
	public static String newIssueJson(String title, String severity) {
		return """
				{"title": "%s", "description": "Steps:\\n1. *open* it", "severity": "%s"}""".formatted(title, severity);
	}

	/**
	 * Reads the issue events topic from the beginning, with a consumer group of its own.
	 */
	public static final class EventProbe implements AutoCloseable {

		private final KafkaConsumer<String, String> consumer;

		private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

		public EventProbe(String bootstrapServers) {
			Properties properties = new Properties();
			properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
			properties.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
			properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
			properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
			properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
			this.consumer = new KafkaConsumer<>(properties);
			this.consumer.subscribe(List.of(IssueEvent.TOPIC));
		}

		/**
		 * The records keyed by the issue id, waiting up to the timeout until at least
		 * {@code count} arrived.
		 */
		public List<ConsumerRecord<String, String>> recordsOf(UUID issueId, int count, Duration timeout) {
			long deadline = System.nanoTime() + timeout.toNanos();
			while (System.nanoTime() < deadline) {
				this.consumer.poll(Duration.ofMillis(250)).forEach(this.seen::add);
				List<ConsumerRecord<String, String>> matching = this.seen.stream()
					.filter((record) -> issueId.toString().equals(record.key()))
					.toList();
				if (matching.size() >= count) {
					return matching;
				}
			}
			return this.seen.stream().filter((record) -> issueId.toString().equals(record.key())).toList();
		}

		@Override
		public void close() {
			this.consumer.close();
		}

	}

}
