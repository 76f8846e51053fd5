package dev.tracker.gateway.security;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BearerTokenConverterUnitTest {

	final BearerTokenConverter converter = new BearerTokenConverter();

	private Object convert(String authorization) {
		MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/issues");
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.converter.convert(MockServerWebExchange.from(request)).block();
	}

	@Test
	void takesTheTokenAfterTheBearerSchemeInAnyCase() {
		assertThat(convert("Bearer abc.DEF-_~+/.xyz==")).isInstanceOfSatisfying(BearerTokenAuthenticationToken.class,
				(token) -> assertThat(token.getToken()).isEqualTo("abc.DEF-_~+/.xyz=="));
		assertThat(convert("bearer abc")).isInstanceOf(BearerTokenAuthenticationToken.class);
		assertThat(convert("BEARER abc")).isInstanceOf(BearerTokenAuthenticationToken.class);
	}

	@Test
	void noneWithoutABearerHeader() {
		assertThat(convert(null)).isNull();
		assertThat(convert("Basic dXNlcjpwYXNz")).isNull();
	}

	@Test
	void malformedBearerHeaderIsAnInvalidToken() {
		for (String malformed : new String[] { "Bearer", "Bearer ", "Bearer  abc", "Bearer a b", "Bearer ===",
				"Bearer abc=def", "Bearer abc\"", "Bearer\tabc", "Bearerabc", "Bearer é" }) {
			assertThatExceptionOfType(OAuth2AuthenticationException.class).as(malformed)
				.isThrownBy(() -> convert(malformed))
				.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_token"));
		}
	}

}
