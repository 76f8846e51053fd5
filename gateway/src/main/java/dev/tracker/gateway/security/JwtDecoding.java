package dev.tracker.gateway.security;

import java.time.Instant;
import java.util.Objects;

import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.JwkSetUriReactiveJwtDecoderBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Spring Boot's JWT decoder (issuer, audience, RS256 only, expiry and not-before), with
 * an expiry required, the realm's key set fetched with timeouts and at most once per
 * {@link JwtProperties#keyRefetchInterval()}, and accepted tokens remembered for a while
 * ({@link VerifiedTokenCache}).
 */
@Configuration(proxyBeanMethods = false)
class JwtDecoding {

	@Bean
	JwkSetUriReactiveJwtDecoderBuilderCustomizer keySetFetching(JwtProperties properties) {
		HttpClient http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.keyFetchTimeout().toMillis())
			.responseTimeout(properties.keyFetchTimeout());
		WebClient web = WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(http))
			.filter(new KeySetFetchLimit(properties.keyRefetchInterval()))
			.build();
		return (builder) -> builder.webClient(web);
	}

	/** Wraps the decoder Spring Boot made in a {@link VerifiedTokenCache}. */
	@Bean
	static BeanPostProcessor verifiedTokenCache(ObjectProvider<JwtProperties> properties) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (!(bean instanceof ReactiveJwtDecoder decoder) || bean instanceof VerifiedTokenCache) {
					return bean;
				}
				JwtProperties jwt = properties.getObject();
				return (jwt.verifiedTokens() > 0)
						? new VerifiedTokenCache(decoder, jwt.verifiedTokens(), jwt.verifiedTokenMaxAge()) : decoder;
			}
		};
	}

	/**
	 * Spring Security accepts a token without an expiry; Keycloak never issues one, so
	 * such a token is forged or from elsewhere.
	 */
	@Bean
	OAuth2TokenValidator<Jwt> expiryRequired() {
		return new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull);
	}

}
