package dev.tracker.gateway.resilience;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import dev.tracker.gateway.problem.Problems;
import dev.tracker.gateway.requestid.RequestIds;

/**
 * The fallback of every route: a service that cannot be reached, does not answer within
 * the route's response timeout, or whose circuit breaker is open gets the caller a
 * {@code 503} problem naming the service. (The gateway's {@code CircuitBreaker} filter
 * takes a {@code fallbackUri} too, but that makes it buffer every request body of the
 * route; answering here keeps uploads streaming.) Anything else is left to the general
 * problem handler.
 */
@Component
@Order(-3)
class ServiceUnavailableFallback implements WebExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ServiceUnavailableFallback.class);

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		String reason = (route != null) ? reason(ex) : null;
		if (reason == null || exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		String service = route.getId().replaceFirst("-(writes|docs)$", "");
		logger.info("{} {} [{}]: {} {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
				RequestIds.of(exchange), service, reason, ex.toString());
		return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, Problems.SERVICE_UNAVAILABLE,
				"Service unavailable", service + " " + reason + "; try again later.");
	}

	/**
	 * Why the service failed, or null if the error is not the service's (e.g. a body over
	 * the limit).
	 */
	private static @Nullable String reason(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ResponseStatusException status && status.getStatusCode().is4xxClientError()) {
				return null;
			}
		}
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof CallNotPermittedException || cause instanceof ServiceUnavailableException) {
				return "has been failing, so the gateway holds back its requests for a while";
			}
			if (cause instanceof TimeoutException
					|| cause instanceof org.springframework.cloud.gateway.support.TimeoutException) {
				return "did not answer in time";
			}
			if (cause instanceof IOException) {
				return "cannot be reached";
			}
		}
		return null;
	}

}
