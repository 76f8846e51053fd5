package dev.tracker.gateway.ratelimit;

import java.time.Duration;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many requests the gateway lets through per caller
 * ({@code tracker.gateway.rate-limit.*}; the values are in application.yml). Each caller
 * has a token bucket per budget: a request takes a token, an empty bucket answers
 * {@code 429} with {@code Retry-After}.
 *
 * @param enabled whether requests are limited at all
 * @param user the budget of a signed-in user (keyed by the token's {@code sub}) for API
 * calls, the portal and the docs
 * @param anonymous the budget of a caller without a valid token, keyed by client address
 * (behind a trusted proxy, the address it forwards)
 * @param stream the budget for opening the live event stream ({@code /api/events/**}),
 * per user or address, kept apart so that reconnecting streams never eat the API budget
 * @param maxKeys how many callers' buckets are kept at most; beyond that the least
 * recently used are dropped (and start full again), so memory stays bounded
 * @param idleTimeout how long a caller's bucket is kept after its last request; should be
 * at least the time a bucket takes to refill completely
 */
@ConfigurationProperties("tracker.gateway.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, Budget user, Budget anonymous, Budget stream,
		@DefaultValue("100000") long maxKeys, @DefaultValue("10m") Duration idleTimeout) {

	public RateLimitProperties {
		Objects.requireNonNull(user, "tracker.gateway.rate-limit.user must be set");
		Objects.requireNonNull(anonymous, "tracker.gateway.rate-limit.anonymous must be set");
		Objects.requireNonNull(stream, "tracker.gateway.rate-limit.stream must be set");
	}

	/**
	 * A token bucket: {@code capacity} requests at once, refilled by {@code refillTokens}
	 * every {@code refillPeriod} (continuously, not in steps).
	 *
	 * @param capacity the largest burst
	 * @param refillTokens the tokens added per period: the sustained rate
	 * @param refillPeriod the period
	 */
	public record Budget(long capacity, long refillTokens, Duration refillPeriod) {

		public Budget {
			if (capacity < 1 || refillTokens < 1 || refillPeriod == null || refillPeriod.isNegative()
					|| refillPeriod.isZero()) {
				throw new IllegalArgumentException("A rate limit budget needs a capacity and refill-tokens of at "
						+ "least 1 and a positive refill-period, not " + capacity + ", " + refillTokens + ", "
						+ refillPeriod);
			}
		}

	}

}
