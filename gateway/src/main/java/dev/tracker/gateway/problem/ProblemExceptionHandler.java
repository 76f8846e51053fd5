package dev.tracker.gateway.problem;

import java.net.URI;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import dev.tracker.gateway.requestid.RequestIds;
import dev.tracker.gateway.requestsize.RequestTooLargeException;

/**
 * The last word on every error: a problem body with the status the error carries
 * ({@code 404} for an unknown path, {@code 413} for a body over the limit, ...), or for
 * anything else a {@code 500} that says nothing about the inside and is logged with its
 * request id. Replaces Spring Boot's error page and JSON error attributes.
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements ErrorWebExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemExceptionHandler.class);

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		RequestTooLargeException tooLarge = causeOf(ex, RequestTooLargeException.class);
		if (tooLarge != null) {
			exchange.getResponse().getHeaders().set("Connection", "close");
			return Problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, Problems.REQUEST_TOO_LARGE,
					"Request too large", tooLarge.getReason(), Map.of("maxSize", tooLarge.maxSize()));
		}
		if (ex instanceof ResponseStatusException status && status.getStatusCode().is4xxClientError()) {
			HttpStatus code = HttpStatus.resolve(status.getStatusCode().value());
			HttpStatus known = (code != null) ? code : HttpStatus.BAD_REQUEST;
			exchange.getResponse().getHeaders().addAll(status.getHeaders());
			return Problems.write(exchange, known, typeOf(known), known.getReasonPhrase(),
					(status.getReason() != null) ? status.getReason() : known.getReasonPhrase());
		}
		logger.error("{} {} [{}] failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
				RequestIds.of(exchange), ex);
		return Problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, Problems.GATEWAY_ERROR, "Gateway error",
				"The gateway failed to handle the request; its request id helps to find out why.");
	}

	private static <T extends Throwable> @Nullable T causeOf(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

	private static URI typeOf(HttpStatus status) {
		return (status == HttpStatus.NOT_FOUND) ? Problems.NOT_FOUND : URI.create("about:blank");
	}

}
