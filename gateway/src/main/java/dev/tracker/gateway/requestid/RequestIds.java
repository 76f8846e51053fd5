package dev.tracker.gateway.requestid;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every exchange a request id before anything else runs: the caller's
 * {@value #HEADER} when it is sane (1 to 64 letters, digits, {@code . _ : -}), otherwise
 * a new random one (32 hex digits, the shape of a W3C trace id). The id is sent back on
 * the response, forwarded to the service, put into every problem body and error log line
 * the gateway writes, and available to code as {@link #of(ServerWebExchange)}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIds implements WebFilter {

	/** The header carrying the id, both ways. */
	public static final String HEADER = "X-Request-Id";

	private static final String ATTRIBUTE = RequestIds.class.getName();

	private static final HexFormat HEX = HexFormat.of();

	private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	/** The request id of an exchange, or null if none was given yet. */
	public static @Nullable String of(ServerWebExchange exchange) {
		return exchange.getAttribute(ATTRIBUTE);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String incoming = exchange.getRequest().getHeaders().getFirst(HEADER);
		String id = (incoming != null && SANE.matcher(incoming).matches()) ? incoming : newId();
		exchange.getAttributes().put(ATTRIBUTE, id);
		exchange.getResponse().beforeCommit(() -> {
			exchange.getResponse().getHeaders().set(HEADER, id);
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

	/**
	 * Sends the exchange's request id on to the service (replacing what the caller sent).
	 */
	@Bean
	static HttpHeadersFilter forwardRequestId() {
		return (headers, exchange) -> {
			String id = of(exchange);
			if (id == null || id.equals(headers.getFirst(HEADER))) {
				return headers;
			}
			HttpHeaders forwarded = new HttpHeaders();
			forwarded.putAll(headers);
			forwarded.set(HEADER, id);
			return forwarded;
		};
	}

	static String newId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong());
	}

}
