package dev.tracker.issues.outbox;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.tracker.events.IssueEvent;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;

/**
 * Which application events go to Kafka and how: every {@link IssueEvent} to topic
 * {@value IssueEvent#TOPIC}, keyed by issue id so one issue's events stay in order, with
 * the CloudEvents attributes as headers.
 */
@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

	@Bean
	EventExternalizationConfiguration eventExternalization() {
		return EventExternalizationConfiguration.externalizing()
			.select(IssueEvent.class::isInstance)
			.routeAll((event) -> RoutingTarget.forTarget(IssueEvent.TOPIC)
				.andKey(((IssueEvent) event).issue().id().toString()))
			.headers(IssueEvent.class, OutboxConfiguration::cloudEventHeaders)
			.build();
	}

	static Map<String, Object> cloudEventHeaders(IssueEvent event) {
		Map<String, Object> headers = new LinkedHashMap<>(event.cloudEventHeaders());
		headers.put("content-type", "application/json");
		return headers;
	}

	@Bean
	NewTopic issueEventsTopic(OutboxProperties properties) {
		return TopicBuilder.name(IssueEvent.TOPIC)
			.partitions(properties.topicPartitions())
			.replicas(properties.topicReplicas())
			.build();
	}

}
