package dev.tracker.notifications.stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * How the listener copes with a record it fails on: one more try, then the record is
 * logged and skipped, so that live events behind it are not held up. Spring Boot hands
 * this handler to the listener container factory.
 */
@Configuration(proxyBeanMethods = false)
class StreamKafkaConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(StreamKafkaConfiguration.class);

	@Bean
	DefaultErrorHandler issueEventErrorHandler() {
		return new DefaultErrorHandler((record, ex) -> logger.error("Skipping record {}-{}@{} after a retry",
				record.topic(), record.partition(), record.offset(), ex), new FixedBackOff(500, 1));
	}

}
