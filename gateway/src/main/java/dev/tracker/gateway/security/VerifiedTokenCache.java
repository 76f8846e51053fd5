package dev.tracker.gateway.security;

import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Remembers the tokens the decoder accepted, so that a client sending the same token
 * again and again (every call of a portal session) costs one signature check, not one per
 * call. Only accepted tokens are remembered, byte for byte, for at most {@code maxAge}
 * and never past their expiry; refusals are checked anew each time.
 */
final class VerifiedTokenCache implements ReactiveJwtDecoder {

	private final ReactiveJwtDecoder decoder;

	private final Cache<String, Jwt> verified;

	VerifiedTokenCache(ReactiveJwtDecoder decoder, long maxTokens, Duration maxAge) {
		this.decoder = decoder;
		this.verified = Caffeine.newBuilder().maximumSize(maxTokens).expireAfter(new UntilExpiry(maxAge)).build();
	}

	@Override
	public Mono<Jwt> decode(String token) throws JwtException {
		Jwt known = this.verified.getIfPresent(token);
		if (known != null && (known.getExpiresAt() == null || known.getExpiresAt().isAfter(Instant.now()))) {
			return Mono.just(known);
		}
		return this.decoder.decode(token).doOnNext((jwt) -> this.verified.put(token, jwt));
	}

	/** Keeps a token until it expires, at most {@code maxAge}. */
	private record UntilExpiry(Duration maxAge) implements Expiry<String, Jwt> {

		@Override
		public long expireAfterCreate(String token, Jwt jwt, long currentTime) {
			Duration left = (jwt.getExpiresAt() != null) ? Duration.between(Instant.now(), jwt.getExpiresAt())
					: Duration.ZERO;
			return Math.max(0, Math.min(left.toNanos(), this.maxAge.toNanos()));
		}

		@Override
		public long expireAfterUpdate(String token, Jwt jwt, long currentTime, long currentDuration) {
			return expireAfterCreate(token, jwt, currentTime);
		}

		@Override
		public long expireAfterRead(String token, Jwt jwt, long currentTime, long currentDuration) {
			return currentDuration;
		}

	}

}
