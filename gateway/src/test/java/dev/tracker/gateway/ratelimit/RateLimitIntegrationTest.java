package dev.tracker.gateway.ratelimit;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import dev.tracker.devstack.test.KeycloakUsers.TestUser;
import dev.tracker.devstack.test.TestStack;
import dev.tracker.gateway.GatewayIntegrationTest;
import dev.tracker.gateway.GatewayTestUtils;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static dev.tracker.gateway.GatewayTestUtils.ISSUES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits with real users' tokens: a burst over the limit from one user is answered
 * {@code 429} while another user goes on unaffected; anonymous callers are limited per
 * address; opening the live stream has a budget of its own. (Here: 5 calls per user or
 * address, 2 stream connects, and no refill to speak of.)
 */
@TestPropertySource(properties = { "tracker.gateway.rate-limit.user.capacity=5",
		"tracker.gateway.rate-limit.user.refill-period=1h", "tracker.gateway.rate-limit.anonymous.capacity=5",
		"tracker.gateway.rate-limit.anonymous.refill-period=1h", "tracker.gateway.rate-limit.stream.capacity=2",
		"tracker.gateway.rate-limit.stream.refill-period=1h" })
class RateLimitIntegrationTest extends GatewayIntegrationTest {

	static final String RATE_LIMITED = "https://tracker.dev/problems/rate-limited";

	private List<HttpResponse<String>> burst(int requests, String path, String token) {
		List<HttpResponse<String>> responses = new ArrayList<>();
		for (int i = 0; i < requests; i++) {
			responses.add(this.http.get(path, token));
		}
		return responses;
	}

	@Test
	void burstOverTheLimitFromOneUserIsAnswered429WhileAnotherUserIsUnaffected() {
		TestUser greedy = TestStack.get().users().create("REPORTER");
		TestUser other = TestStack.get().users().create("REPORTER");

		List<HttpResponse<String>> greedyAnswers = burst(8, "/api/issues", greedy.accessToken());
		List<HttpResponse<String>> otherAnswers = burst(5, "/api/issues", other.accessToken());

		assertThat(greedyAnswers).extracting(HttpResponse::statusCode)
			.containsExactly(200, 200, 200, 200, 200, 429, 429, 429);
		HttpResponse<String> refused = greedyAnswers.get(5);
		GatewayTestUtils.assertProblem(refused, 429, RATE_LIMITED);
		assertThat(refused.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Long.parseLong(seconds)).isPositive());
		assertThat(otherAnswers).extracting(HttpResponse::statusCode).containsOnly(200);
		assertThat(ISSUES.requests()).hasSize(10);
	}

	@Test
	void anonymousCallersAreLimitedPerAddress() {
		List<Integer> first = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			first.add(getFrom("/config.json", "203.0.113.7").statusCode());
		}
		HttpResponse<String> otherAddress = getFrom("/config.json", "203.0.113.8");

		assertThat(first).containsExactly(200, 200, 200, 200, 200, 429, 429);
		assertThat(otherAddress.statusCode()).isEqualTo(200);
		GatewayTestUtils.assertProblem(getFrom("/config.json", "203.0.113.7"), 429, RATE_LIMITED);
	}

	@Test
	void healthProbesAreNeverLimited() {
		for (int i = 0; i < 10; i++) {
			assertThat(getFrom("/actuator/health/readiness", "203.0.113.9").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void openingTheLiveStreamHasABudgetApartFromApiCalls() {
		String token = TestStack.get().users().create("REPORTER").accessToken();

		List<HttpResponse<String>> connects = burst(3, "/api/events/stream", token);
		List<HttpResponse<String>> calls = burst(5, "/api/issues", token);

		assertThat(connects).extracting(HttpResponse::statusCode).containsExactly(200, 200, 429);
		assertThat(calls).extracting(HttpResponse::statusCode).containsOnly(200);
	}

	/** A request as if forwarded by the trusted proxy on 127.0.0.1 for a client. */
	private HttpResponse<String> getFrom(String path, String clientAddress) {
		return this.http.send(this.http.request(path, null).header("X-Forwarded-For", clientAddress).GET().build());
	}

}
