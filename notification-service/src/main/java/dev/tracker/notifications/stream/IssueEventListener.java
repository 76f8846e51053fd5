package dev.tracker.notifications.stream;

import java.nio.charset.StandardCharsets;

import dev.tracker.events.IssueEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads every issue event into the hub. Each replica uses a consumer group of its own, so
 * every replica sees every event and can serve its own browsers.
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
		if (type == null) {
			logger.warn("Skipping record {}@{} without a ce_type header", record.partition(), record.offset());
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
		IssueEvent event = this.json.readValue(record.value(), eventType.recordType());
		this.hub.publish(StreamEvent.of(event, record.value()));
	}

}
