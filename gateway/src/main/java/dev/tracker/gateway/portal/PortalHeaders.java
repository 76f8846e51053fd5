package dev.tracker.gateway.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Headers of what the gateway serves itself: a strict Content-Security-Policy on the
 * portal's pages (no inline script but SvelteKit's bootstrap, allowed by its hash read
 * from the build) and on Swagger UI ({@code /api/docs}, {@code /api/swagger-ui/}), long
 * caching for the hashed assets under {@code /_app/immutable/}, revalidation for
 * everything else. API answers get the security chain's policy that allows nothing.
 */
@Component
class PortalHeaders implements WebFilter {

	private static final Pattern SCRIPT_HASH = Pattern.compile("'sha256-[A-Za-z0-9+/=]+'");

	private final String portalPolicy;

	private final String docsPolicy;

	PortalHeaders(PortalProperties properties) {
		String keycloak = properties.keycloakUrl();
		String scripts = String.join(" ", bootstrapScriptHashes());
		this.portalPolicy = "default-src 'self'; script-src 'self' " + scripts
				+ "; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; connect-src 'self' "
				+ keycloak + "; frame-src 'none'; object-src 'none'; base-uri 'self'; form-action 'self'; "
				+ "frame-ancestors 'none'";
		this.docsPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
				+ "img-src 'self' data:; connect-src 'self' " + keycloak
				+ "; object-src 'none'; base-uri 'self'; form-action 'self' " + keycloak + "; frame-ancestors 'none'";
	}

	private static Set<String> bootstrapScriptHashes() {
		Set<String> hashes = new LinkedHashSet<>();
		ClassPathResource page = new ClassPathResource(PortalRoutes.FALLBACK);
		if (!page.exists()) {
			return hashes;
		}
		try (var in = page.getInputStream()) {
			Matcher matcher = SCRIPT_HASH.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			while (matcher.find()) {
				hashes.add(matcher.group());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return hashes;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().value();
		ServerHttpResponse response = exchange.getResponse();
		boolean docs = path.startsWith("/api/docs") || path.startsWith("/api/swagger-ui/")
				|| path.startsWith("/webjars/") || path.startsWith("/v3/api-docs");
		if (docs || !path.startsWith("/api/")) {
			response.beforeCommit(() -> {
				HttpHeaders headers = response.getHeaders();
				headers.set("Content-Security-Policy", docs ? this.docsPolicy : this.portalPolicy);
				if (path.startsWith("/_app/immutable/")) {
					headers.set(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable");
				}
				else if (!headers.containsHeader(HttpHeaders.CACHE_CONTROL)) {
					headers.set(HttpHeaders.CACHE_CONTROL, "no-cache");
				}
				return Mono.empty();
			});
		}
		return chain.filter(exchange);
	}

}
