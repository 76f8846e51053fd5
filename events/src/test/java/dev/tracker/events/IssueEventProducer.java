package dev.tracker.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes issue events to {@link IssueEvent#TOPIC} as the issue service does: key =
 * issue id, the event as JSON, CloudEvents headers. Shared with consumers' tests through
 * this module's test-jar.
 */
public class IssueEventProducer implements AutoCloseable {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final KafkaProducer<String, String> producer;

	/** A producer for the Kafka cluster at the bootstrap servers. */
	public IssueEventProducer(String bootstrapServers) {
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		this.producer = new KafkaProducer<>(properties);
	}

	/** The JSON the issue service publishes for an event. */
	public static String jsonOf(IssueEvent event) {
		return json.writeValueAsString(event);
	}

	/** Publishes the events in order, each as the issue service does. */
	public void publish(IssueEvent... events) {
		for (IssueEvent event : events) {
			publish(event.issue().id().toString(), jsonOf(event), event.cloudEventHeaders());
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

	@Override
	public void close() {
		this.producer.close(Duration.ofSeconds(5));
	}

}
