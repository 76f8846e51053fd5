package dev.tracker.issues.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox relays events ({@code tracker.outbox.*}).
 *
 * @param retryInterval how often publications that Kafka did not take are tried again
 * @param retryMinAge how old an incomplete publication must be before it is tried again
 * (longer than the producer's delivery timeout, so an attempt still in flight is not
 * duplicated)
 * @param topicPartitions partitions of the issue events topic when this service creates
 * it
 * @param topicReplicas replicas of the issue events topic when this service creates it
 */
@ConfigurationProperties("tracker.outbox")
record OutboxProperties(@DefaultValue("10s") Duration retryInterval, @DefaultValue("30s") Duration retryMinAge,
		@DefaultValue("3") int topicPartitions, @DefaultValue("1") short topicReplicas) {
}
