package dev.tracker.gateway.security;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VerifiedTokenCacheUnitTest {

	final AtomicInteger decoded = new AtomicInteger();

	private ReactiveJwtDecoder decoder(Instant expiresAt) {
		return (token) -> {
			this.decoded.incrementAndGet();
			if (token.startsWith("bad")) {
				return Mono.error(new BadJwtException("bad signature"));
			}
			return Mono.just(Jwt.withTokenValue(token)
				.header("alg", "RS256")
				.subject("someone")
				.issuedAt(expiresAt.minus(Duration.ofMinutes(10)))
				.expiresAt(expiresAt)
				.build());
		};
	}

	@Test
	void acceptedTokenIsCheckedOnceWhileItIsRemembered() {
		VerifiedTokenCache cache = new VerifiedTokenCache(decoder(Instant.now().plusSeconds(300)), 10,
				Duration.ofMinutes(1));

		Jwt first = cache.decode("good").block();
		Jwt second = cache.decode("good").block();

		assertThat(second).isSameAs(first);
		assertThat(this.decoded).hasValue(1);
	}

	@Test
	void refusedTokensAreCheckedEveryTime() {
		VerifiedTokenCache cache = new VerifiedTokenCache(decoder(Instant.now().plusSeconds(300)), 10,
				Duration.ofMinutes(1));

		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> cache.decode("bad-token").block());
		}
		assertThat(this.decoded).hasValue(3);
	}

	@Test
	void expiredTokenIsNeverServedFromMemory() {
		VerifiedTokenCache cache = new VerifiedTokenCache(decoder(Instant.now().minusSeconds(1)), 10,
				Duration.ofMinutes(1));

		cache.decode("stale").block();
		cache.decode("stale").block();

		assertThat(this.decoded).hasValue(2);
	}

	@Test
	void nothingIsRememberedLongerThanTheMaximumAge() throws InterruptedException {
		VerifiedTokenCache cache = new VerifiedTokenCache(decoder(Instant.now().plusSeconds(300)), 10,
				Duration.ofMillis(50));

		cache.decode("good").block();
		Thread.sleep(120);
		cache.decode("good").block();

		assertThat(this.decoded).hasValue(2);
	}

}
