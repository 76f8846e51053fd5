package dev.tracker.gateway.problem;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

import dev.tracker.gateway.requestid.RequestIds;

/**
 * Writes {@code application/problem+json} responses. The {@code type} URIs are part of
 * the API: clients may switch on them.
 */
public final class Problems {

	private static final String TYPES = "https://tracker.dev/problems/";

	/** No bearer token, or one that is malformed, forged, expired or not for this API. */
	public static final URI UNAUTHORIZED = URI.create(TYPES + "unauthorized");

	/** The caller may not do this. */
	public static final URI FORBIDDEN = URI.create(TYPES + "forbidden");

	/** Too many requests from one user or address. */
	public static final URI RATE_LIMITED = URI.create(TYPES + "rate-limited");

	/** The request body is larger than the route allows. */
	public static final URI REQUEST_TOO_LARGE = URI.create(TYPES + "request-too-large");

	/** A service behind the gateway is down, slow or its circuit is open. */
	public static final URI SERVICE_UNAVAILABLE = URI.create(TYPES + "service-unavailable");

	/** Nothing here. */
	public static final URI NOT_FOUND = URI.create(TYPES + "not-found");

	/** Any other error the gateway answers itself. */
	public static final URI GATEWAY_ERROR = URI.create(TYPES + "gateway-error");

	private static final JsonMapper json = JsonMapper.builder().build();

	private Problems() {
	}

	/**
	 * Writes a problem as the exchange's response (status, content type, body).
	 * @param properties extension members, e.g. {@code maxSize}
	 */
	public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, URI type, String title, String detail,
			Map<String, Object> properties) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", type.toString());
		problem.put("title", title);
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", exchange.getRequest().getPath().value());
		String requestId = RequestIds.of(exchange);
		if (requestId != null) {
			problem.put("requestId", requestId);
		}
		problem.putAll(properties);
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		response.getHeaders().remove("Content-Length");
		DataBuffer body = response.bufferFactory().wrap(json.writeValueAsBytes(problem));
		return response.writeWith(Mono.just(body));
	}

	/** Writes a problem without extension members. */
	public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, URI type, String title,
			String detail) {
		return write(exchange, status, type, title, detail, Map.of());
	}

}
