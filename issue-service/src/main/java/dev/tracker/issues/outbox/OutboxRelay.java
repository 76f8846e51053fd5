package dev.tracker.issues.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tries again the publications Kafka did not take (it was down, or the service stopped
 * before the send), so that an event stored with its change reaches Kafka eventually:
 * delayed, never lost.
 */
@Component
class OutboxRelay {

	private static final Logger logger = LoggerFactory.getLogger(OutboxRelay.class);

	private final IncompleteEventPublications incomplete;

	private final OutboxProperties properties;

	OutboxRelay(IncompleteEventPublications incomplete, OutboxProperties properties) {
		this.incomplete = incomplete;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${tracker.outbox.retry-interval:10s}",
			initialDelayString = "${tracker.outbox.retry-interval:10s}")
	void resubmit() {
		try {
			this.incomplete.resubmitIncompletePublications(
					ResubmissionOptions.defaults().withMinAge(this.properties.retryMinAge()).withBatchSize(500));
		}
		catch (RuntimeException ex) {
			logger.warn("Could not resubmit incomplete event publications: {}", ex.getMessage());
		}
	}

}
