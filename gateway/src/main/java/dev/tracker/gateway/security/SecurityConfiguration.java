package dev.tracker.gateway.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;

/**
 * Every {@code /api/**} call needs a valid Keycloak token (issuer, signature, algorithm,
 * expiry and audience are checked by the resource server configuration in
 * application.yml) before it is forwarded; the services check it again. The portal, its
 * configuration, the API docs and health are open.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityWebFilterChain edge(ServerHttpSecurity http) {
		return http
			.authorizeExchange((exchanges) -> exchanges.pathMatchers("/api/docs", "/api/docs/**")
				.permitAll()
				.pathMatchers("/api/**")
				.authenticated()
				.pathMatchers(HttpMethod.GET, "/**")
				.permitAll()
				.anyExchange()
				.denyAll())
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults()))
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.headers((headers) -> headers.cache(ServerHttpSecurity.HeaderSpec.CacheSpec::disable)
				.frameOptions((frames) -> frames.mode(Mode.DENY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
			.build();
	}

}
