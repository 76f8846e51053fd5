package dev.tracker.notifications.stream;

import java.nio.charset.StandardCharsets;

import dev.tracker.events.IssueEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads every issue event into the hub. Each replica uses a consumer group of its own, so
 * every replica sees every event and can serve its own browsers. Records that can never
 * be read (no type, no value, a value that is not the event's JSON) are logged and
 * skipped.
 */
@Component
class IssueEventListener {

	private static final Logger logger = LoggerFactory.getLogger(IssueEventListener.class);

	private final EventHub hub;

	private final JsonMapper json;

	IssueEventListener(EventHub hub, JsonMapper json) {
		this.hub = hub;
		this.json = json;
	}

	@KafkaListener(topics = IssueEvent.TOPIC, groupId = "${tracker.stream.consumer-group}")
	void on(ConsumerRecord<String, String> record) {
		Header type = record.headers().lastHeader("ce_type");
		if (type == null || record.value() == null) {
			logger.warn("Skipping record {}-{}@{} without a ce_type header or a value", record.topic(),
					record.partition(), record.offset());
			return;
		}
		IssueEvent.Type eventType;
		try {
			eventType = IssueEvent.Type.ofCloudEventType(new String(type.value(), StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException ex) {
			logger.debug("Skipping an event type this service does not know: {}", ex.getMessage());
			return;
		}
		IssueEvent event;
		try {
			event = this.json.readValue(record.value(), eventType.recordType());
		}
		catch (JacksonException ex) {
			logger.warn("Skipping record {}-{}@{}: not a valid {} event: {}", record.topic(), record.partition(),
					record.offset(), eventType.cloudEventType(), ex.getOriginalMessage());
			return;
		}
		this.hub.publish(StreamEvent.of(event, record.value()));
	}

}
