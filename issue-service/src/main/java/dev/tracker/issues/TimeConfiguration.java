package dev.tracker.issues;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock every timestamp comes from, replaceable in tests. It ticks in microseconds,
 * the resolution PostgreSQL keeps, so a timestamp reads back as it was written.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

	@Bean
	Clock clock() {
		return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000));
	}

}
