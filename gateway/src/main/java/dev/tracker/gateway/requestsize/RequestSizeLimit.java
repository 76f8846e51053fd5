package dev.tracker.gateway.requestsize;

import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Holds every routed request body to its route's limit: a declared {@code Content-Length}
 * over it is refused before anything is forwarded; a body without one (chunked) is
 * counted as it streams, and the upload fails as soon as it passes the limit. Either way
 * the answer is {@code 413} (see the problem handler). Runs before every other gateway
 * filter, so nothing buffers a body before it was counted.
 */
@Component
class RequestSizeLimit implements GlobalFilter, Ordered {

	private final RequestSizeProperties properties;

	RequestSizeLimit(RequestSizeProperties properties) {
		this.properties = properties;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		HttpHeaders headers = request.getHeaders();
		long declared = headers.getContentLength();
		boolean chunked = headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
		if (declared <= 0 && !chunked) {
			return chain.filter(exchange);
		}
		Route route = exchange.getRequiredAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		long max = this.properties.maxFor(route.getId()).toBytes();
		if (declared > max) {
			return Mono.error(new RequestTooLargeException(max));
		}
		ServerHttpRequest limited = new ServerHttpRequestDecorator(request) {
			@Override
			public Flux<DataBuffer> getBody() {
				return limit(super.getBody(), max);
			}
		};
		return chain.filter(exchange.mutate().request(limited).build());
	}

	private static Flux<DataBuffer> limit(Flux<DataBuffer> body, long max) {
		AtomicLong seen = new AtomicLong();
		return body.handle((buffer, sink) -> {
			if (seen.addAndGet(buffer.readableByteCount()) > max) {
				DataBufferUtils.release(buffer);
				sink.error(new RequestTooLargeException(max));
			}
			else {
				sink.next(buffer);
			}
		});
	}

}
