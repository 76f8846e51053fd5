package dev.tracker.gateway.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.headers;
import static org.springframework.web.reactive.function.server.RequestPredicates.path;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * {@code /config.json}, and the single-page fallback: a browser navigating (asking for
 * {@code text/html}) to any path that is neither an API nor a file gets the portal's
 * {@code 200.html}, which routes on the client.
 */
@Configuration(proxyBeanMethods = false)
class PortalRoutes {

	static final String FALLBACK = "portal/200.html";

	@Bean
	RouterFunction<ServerResponse> portalConfig(PortalProperties properties) {
		Map<String, String> config = Map.of("keycloakUrl", properties.keycloakUrl(), "realm", properties.realm(),
				"clientId", properties.clientId());
		return route(GET("/config.json"),
				(request) -> ServerResponse.ok()
					.contentType(MediaType.APPLICATION_JSON)
					.cacheControl(CacheControl.noCache())
					.bodyValue(config));
	}

	@Bean
	RouterFunction<ServerResponse> portalFallback() {
		Resource page = new ClassPathResource(FALLBACK);
		byte[] html = read(page);
		RequestPredicate notForThePortal = path("/api/**").or(path("/webjars/**"))
			.or(path("/v3/**"))
			.or(path("/actuator/**"))
			.or(path("/_app/**"));
		// a browser navigating says text/html explicitly; a missing script or image
		// (Accept: */*) is a 404
		RequestPredicate navigation = headers((headers) -> headers.accept()
			.stream()
			.anyMatch((type) -> MediaType.TEXT_HTML.equalsTypeAndSubtype(type)));
		return route(GET("/**").and(navigation).and(notForThePortal.negate()),
				(request) -> ServerResponse.ok()
					.contentType(MediaType.TEXT_HTML)
					.cacheControl(CacheControl.noCache())
					.bodyValue(html));
	}

	private static byte[] read(Resource page) {
		if (!page.exists()) {
			return "<!doctype html><title>Tracker</title><p>The portal is not built: run ./mvnw -pl portal package."
				.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		}
		try (var in = page.getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
