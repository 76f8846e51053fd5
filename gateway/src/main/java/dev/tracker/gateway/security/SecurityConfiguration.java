package dev.tracker.gateway.security;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

import dev.tracker.gateway.ratelimit.RateLimitFilter;
import dev.tracker.gateway.ratelimit.RateLimitProperties;

/**
 * The edge's checks, in this order: CORS (the portal's origins only), the bearer token
 * (issuer, signature, RS256, expiry, audience; see application.yml and
 * {@link JwtDecoding}), the caller's rate limit, then access: every {@code /api/**} call
 * needs a valid token before it is forwarded (the services check it again); the portal,
 * its configuration, the API docs and health are open. Refusals are problem bodies. Every
 * response carries {@code X-Content-Type-Options: nosniff}, a Referrer-Policy,
 * {@code X-Frame-Options: DENY}, a Content-Security-Policy (the portal's own, or one that
 * allows nothing) and, when served over TLS (directly or behind a trusted proxy that says
 * so in {@code X-Forwarded-Proto}), HSTS.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** The policy of everything that is not a page: API answers, errors. */
	static final String NOTHING_POLICY = "default-src 'none'; frame-ancestors 'none'";

	@Bean
	SecurityWebFilterChain edge(ServerHttpSecurity http, RateLimitProperties rateLimits) {
		ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint();
		return http
			.authorizeExchange((exchanges) -> exchanges.pathMatchers("/api/docs", "/api/docs/**", "/api/swagger-ui/**")
				.permitAll()
				.pathMatchers("/api/**")
				.authenticated()
				.pathMatchers(HttpMethod.GET, "/**")
				.permitAll()
				.pathMatchers(HttpMethod.HEAD, "/**")
				.permitAll()
				.anyExchange()
				.denyAll())
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults())
				.bearerTokenConverter(new BearerTokenConverter())
				.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(new ProblemAccessDeniedHandler()))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(new ProblemAccessDeniedHandler()))
			.addFilterBefore(new RateLimitFilter(rateLimits), SecurityWebFiltersOrder.AUTHORIZATION)
			.cors(Customizer.withDefaults())
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.headers((headers) -> headers.cache(ServerHttpSecurity.HeaderSpec.CacheSpec::disable)
				.frameOptions((frames) -> frames.mode(Mode.DENY))
				.contentSecurityPolicy((csp) -> csp.policyDirectives(NOTHING_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
			.build();
	}

	@Bean
	ServerWebExchangeFirewall firewall() {
		return HeaderFirewall.create();
	}

	@Bean
	CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(properties.allowedOrigins());
		cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
		cors.setAllowedHeaders(
				List.of("Authorization", "Content-Type", "If-Match", "If-None-Match", "Last-Event-ID", "X-Request-Id"));
		cors.setExposedHeaders(List.of("Location", "ETag", "Retry-After", "X-Request-Id"));
		cors.setAllowCredentials(false);
		cors.setMaxAge(properties.maxAge());
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/api/**", cors);
		return source;
	}

}
