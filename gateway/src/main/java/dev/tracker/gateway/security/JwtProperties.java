package dev.tracker.gateway.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway fetches the realm's signing keys and remembers accepted tokens
 * ({@code tracker.gateway.jwt.*}). The token checks themselves (issuer, audience,
 * algorithms) are Spring Boot's {@code spring.security.oauth2.resourceserver.jwt.*}.
 *
 * @param keyRefetchInterval the shortest time between two fetches of the key set: a token
 * with a key id the gateway does not know makes it fetch the set again (Keycloak may have
 * rotated its keys), but forged tokens with made-up key ids must not turn into a flood of
 * requests to Keycloak
 * @param keyFetchTimeout how long a fetch of the key set may take
 * @param verifiedTokens how many accepted tokens are remembered (0: none), so that the
 * same token sent again is not checked again
 * @param verifiedTokenMaxAge how long an accepted token is remembered at most (never past
 * its expiry)
 */
@ConfigurationProperties("tracker.gateway.jwt")
public record JwtProperties(@DefaultValue("30s") Duration keyRefetchInterval,
		@DefaultValue("5s") Duration keyFetchTimeout, @DefaultValue("2000") long verifiedTokens,
		@DefaultValue("60s") Duration verifiedTokenMaxAge) {
}
