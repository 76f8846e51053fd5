package dev.tracker.gateway.ratelimit;

import dev.tracker.gateway.ratelimit.RateLimitProperties.Budget;

/**
 * One caller's tokens for one budget. Refills continuously; thread-safe.
 */
final class TokenBucket {

	private final double capacity;

	private final double tokensPerNano;

	private double tokens;

	private long refilledAt;

	TokenBucket(Budget budget, long now) {
		this.capacity = budget.capacity();
		this.tokensPerNano = (double) budget.refillTokens() / budget.refillPeriod().toNanos();
		this.tokens = this.capacity;
		this.refilledAt = now;
	}

	/**
	 * Takes a token if there is one.
	 * @param now {@link System#nanoTime()}
	 * @return 0 if a token was taken, otherwise the nanoseconds until the next one
	 */
	synchronized long take(long now) {
		this.tokens = Math.min(this.capacity, this.tokens + (now - this.refilledAt) * this.tokensPerNano);
		this.refilledAt = now;
		if (this.tokens >= 1) {
			this.tokens -= 1;
			return 0;
		}
		return (long) Math.ceil((1 - this.tokens) / this.tokensPerNano);
	}

}
