package dev.tracker.gateway.security;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Answers fetches of the JWK set from the last successful fetch for a while, so that the
 * realm's keys are fetched at most once per interval however many tokens with unknown key
 * ids arrive; concurrent fetches share one request. A failed fetch is not remembered.
 */
final class KeySetFetchLimit implements ExchangeFilterFunction {

	private final Duration interval;

	private final Map<URI, Mono<String>> fetches = new ConcurrentHashMap<>();

	KeySetFetchLimit(Duration interval) {
		this.interval = interval;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		return this.fetches.computeIfAbsent(request.url(), (url) -> fetch(request, next))
			.map((body) -> ClientResponse.create(HttpStatus.OK)
				.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
				.body(body)
				.build());
	}

	private Mono<String> fetch(ClientRequest request, ExchangeFunction next) {
		return next.exchange(request)
			.flatMap((response) -> response.statusCode().is2xxSuccessful() ? response.bodyToMono(String.class)
					: response.createError())
			.cache((body) -> this.interval, (error) -> Duration.ZERO, () -> Duration.ZERO);
	}

}
