package dev.tracker.gateway.resilience;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the gateway waits for a service ({@code tracker.gateway.resilience.*}). The
 * wait for an answer is Spring Cloud Gateway's
 * {@code spring.cloud.gateway.server.webflux.httpclient.response-timeout} (per route: the
 * route's {@code response-timeout} metadata); retries and circuit breakers are set per
 * route in application.yml.
 *
 * @param connectTimeout how long opening a connection to a service may take
 */
@ConfigurationProperties("tracker.gateway.resilience")
public record ResilienceProperties(@DefaultValue("2s") Duration connectTimeout) {
}
