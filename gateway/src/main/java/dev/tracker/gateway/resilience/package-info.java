/**
 * What a caller gets when a service is down, slow, or its circuit breaker is open: a
 * quick {@code 503} problem instead of a hanging request. Timeouts, retries and circuit
 * breakers themselves are configured per route in application.yml.
 */
package dev.tracker.gateway.resilience;
