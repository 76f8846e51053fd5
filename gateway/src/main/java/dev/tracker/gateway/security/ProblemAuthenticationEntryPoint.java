package dev.tracker.gateway.security;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.server.BearerTokenServerAuthenticationEntryPoint;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;

import dev.tracker.gateway.problem.Problems;

/**
 * {@code 401} for a request without a valid token: the standard
 * {@code WWW-Authenticate: Bearer ...} header (RFC 6750, with the reason a token was
 * refused) and a problem body of type {@link Problems#UNAUTHORIZED}. The body says no
 * more than the header; the details of a failed check stay in the log.
 */
final class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

	private final BearerTokenServerAuthenticationEntryPoint bearer = new BearerTokenServerAuthenticationEntryPoint();

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		boolean tokenGiven = exchange.getRequest().getHeaders().containsHeader("Authorization");
		String detail = tokenGiven ? "The bearer token is malformed, not signed by the realm's keys, expired, "
				+ "or not meant for this API; sign in again." : "This needs a bearer token; sign in first.";
		ServerWebExchange problem = exchange.mutate().response(new ServerHttpResponseDecorator(exchange.getResponse()) {
			@Override
			public Mono<Void> setComplete() {
				return Problems.write(exchange, HttpStatus.UNAUTHORIZED, Problems.UNAUTHORIZED,
						"Authentication required", detail);
			}
		}).build();
		return this.bearer.commence(problem, ex);
	}

}
