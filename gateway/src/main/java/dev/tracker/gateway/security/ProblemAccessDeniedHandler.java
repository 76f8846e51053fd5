package dev.tracker.gateway.security;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

import dev.tracker.gateway.problem.Problems;

/**
 * {@code 403} with a problem body, for a signed-in caller asking for something the
 * gateway never allows (e.g. writing to the portal's paths).
 */
final class ProblemAccessDeniedHandler implements ServerAccessDeniedHandler {

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		return Problems.write(exchange, HttpStatus.FORBIDDEN, Problems.FORBIDDEN, "Forbidden",
				"This is not allowed here.");
	}

}
