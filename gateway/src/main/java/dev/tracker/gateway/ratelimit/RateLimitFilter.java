package dev.tracker.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.tracker.gateway.problem.Problems;
import dev.tracker.gateway.ratelimit.RateLimitProperties.Budget;

/**
 * Takes a token from the caller's bucket for every request and answers {@code 429}
 * (problem, {@code Retry-After} in seconds) when it is empty. Runs inside the security
 * chain right after the token was checked, so that the key is a verified {@code sub} and
 * never a name an attacker chose; callers without a valid token are keyed by their
 * address. Health probes are never limited.
 */
public final class RateLimitFilter implements WebFilter {

	private final RateLimitProperties properties;

	private final RateLimiter limiter;

	public RateLimitFilter(RateLimitProperties properties) {
		this.properties = properties;
		this.limiter = new RateLimiter(properties.maxKeys(), properties.idleTimeout(), System::nanoTime);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().value();
		if (!this.properties.enabled() || path.startsWith("/actuator/")) {
			return chain.filter(exchange);
		}
		boolean stream = path.startsWith("/api/events/");
		return ReactiveSecurityContextHolder.getContext()
			.map(SecurityContext::getAuthentication)
			.filter(JwtAuthenticationToken.class::isInstance)
			.map((authentication) -> "user:" + authentication.getName())
			.switchIfEmpty(Mono.fromSupplier(() -> "address:" + clientAddress(exchange)))
			.flatMap((caller) -> {
				if (stream) {
					return limit(exchange, chain, "stream:" + caller, this.properties.stream());
				}
				return limit(exchange, chain, caller,
						caller.startsWith("user:") ? this.properties.user() : this.properties.anonymous());
			});
	}

	private Mono<Void> limit(ServerWebExchange exchange, WebFilterChain chain, String key, Budget budget) {
		Duration wait = this.limiter.acquire(key, budget);
		if (wait.isZero()) {
			return chain.filter(exchange);
		}
		long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
		exchange.getResponse().getHeaders().set("Retry-After", Long.toString(seconds));
		return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, Problems.RATE_LIMITED, "Too many requests",
				"Too many requests from you in a short time; try again in " + seconds + " s.",
				Map.of("retryAfter", seconds));
	}

	/**
	 * The client's address: the connection's peer, or, behind a proxy named in
	 * {@code spring.cloud.gateway.server.webflux.trusted-proxies}, the address that proxy
	 * forwarded (the gateway's server resolves that before anything runs).
	 */
	private static String clientAddress(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		if (remote == null) {
			return "unknown";
		}
		return (remote.getAddress() != null) ? remote.getAddress().getHostAddress() : remote.getHostString();
	}

}
