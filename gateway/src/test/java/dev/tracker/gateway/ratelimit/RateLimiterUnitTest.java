package dev.tracker.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import dev.tracker.gateway.ratelimit.RateLimitProperties.Budget;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RateLimiterUnitTest {

	final AtomicLong clock = new AtomicLong(1_000_000_000L);

	final Budget threePerSecond = new Budget(3, 1, Duration.ofSeconds(1));

	@Test
	void burstUpToTheCapacityPassesAndTheNextWaitsForOneRefill() {
		RateLimiter limiter = new RateLimiter(100, Duration.ofMinutes(1), this.clock::get);

		for (int i = 0; i < 3; i++) {
			assertThat(limiter.acquire("user:a", this.threePerSecond)).isZero();
		}
		assertThat(limiter.acquire("user:a", this.threePerSecond)).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void bucketRefillsContinuouslyUpToItsCapacity() {
		RateLimiter limiter = new RateLimiter(100, Duration.ofMinutes(1), this.clock::get);
		for (int i = 0; i < 3; i++) {
			limiter.acquire("user:a", this.threePerSecond);
		}

		this.clock.addAndGet(Duration.ofMillis(500).toNanos());
		assertThat(limiter.acquire("user:a", this.threePerSecond)).isEqualTo(Duration.ofMillis(500));
		this.clock.addAndGet(Duration.ofMillis(500).toNanos());
		assertThat(limiter.acquire("user:a", this.threePerSecond)).isZero();

		this.clock.addAndGet(Duration.ofHours(1).toNanos());
		for (int i = 0; i < 3; i++) {
			assertThat(limiter.acquire("user:a", this.threePerSecond)).isZero();
		}
		assertThat(limiter.acquire("user:a", this.threePerSecond)).isPositive();
	}

	@Test
	void callersHaveBucketsOfTheirOwn() {
		RateLimiter limiter = new RateLimiter(100, Duration.ofMinutes(1), this.clock::get);
		for (int i = 0; i < 4; i++) {
			limiter.acquire("user:a", this.threePerSecond);
		}

		assertThat(limiter.acquire("user:b", this.threePerSecond)).isZero();
	}

	@Test
	void numberOfBucketsStaysBoundedUnderManyCallers() {
		RateLimiter limiter = new RateLimiter(1000, Duration.ofMinutes(1), this.clock::get);

		for (int i = 0; i < 20_000; i++) {
			limiter.acquire("address:10.0." + (i / 256) + "." + (i % 256), this.threePerSecond);
		}

		assertThat(limiter.size()).isLessThanOrEqualTo(1000);
	}

	@Test
	void budgetNeedsAPositiveCapacityAndRate() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Budget(0, 1, Duration.ofSeconds(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> new Budget(1, 0, Duration.ofSeconds(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> new Budget(1, 1, Duration.ZERO));
	}

}
