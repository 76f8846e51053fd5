package dev.tracker.stats.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * How the listener copes with a record it fails on: two more tries a second apart (the
 * database may be back by then), then the record is logged and skipped so that later
 * records of its partition are not held up. Spring Boot hands this handler to the
 * listener container factory.
 */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(IngestConfiguration.class);

	@Bean
	DefaultErrorHandler issueEventErrorHandler() {
		return new DefaultErrorHandler((record, ex) -> logger.error("Skipping record {}-{}@{} after retries",
				record.topic(), record.partition(), record.offset(), ex), new FixedBackOff(1000, 2));
	}

}
