package dev.tracker.gateway.ratelimit;

import java.time.Duration;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.tracker.gateway.ratelimit.RateLimitProperties.Budget;

/**
 * The buckets of all callers, at most {@code maxKeys} of them; a bucket not used for
 * {@code idleTimeout} is dropped.
 */
final class RateLimiter {

	private final Cache<String, TokenBucket> buckets;

	private final LongSupplier clock;

	RateLimiter(long maxKeys, Duration idleTimeout, LongSupplier clock) {
		this.buckets = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterAccess(idleTimeout).build();
		this.clock = clock;
	}

	/**
	 * Takes a token from the key's bucket of this budget.
	 * @return {@link Duration#ZERO} if the request may go on, otherwise how long until it
	 * may
	 */
	Duration acquire(String key, Budget budget) {
		long now = this.clock.getAsLong();
		TokenBucket bucket = this.buckets.get(key, (ignored) -> new TokenBucket(budget, now));
		return Duration.ofNanos(bucket.take(now));
	}

	/** How many callers have a bucket now. */
	long size() {
		this.buckets.cleanUp();
		return this.buckets.estimatedSize();
	}

}
