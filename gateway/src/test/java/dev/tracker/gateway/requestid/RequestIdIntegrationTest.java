package dev.tracker.gateway.requestid;

import java.net.http.HttpResponse;

import dev.tracker.devstack.test.KeycloakTokens;
import dev.tracker.gateway.GatewayIntegrationTest;
import dev.tracker.gateway.GatewayTestUtils;
import org.junit.jupiter.api.Test;

import static dev.tracker.gateway.GatewayTestUtils.ISSUES;
import static dev.tracker.gateway.GatewayTestUtils.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request id on every answer, the same the service got: the caller's when it is sane, a
 * new one otherwise.
 */
class RequestIdIntegrationTest extends GatewayIntegrationTest {

	private HttpResponse<String> get(String path, String requestId) {
		var request = this.http.request(path, token(KeycloakTokens.REPORTER)).GET();
		if (requestId != null) {
			request.header("X-Request-Id", requestId);
		}
		return this.http.send(request.build());
	}

	@Test
	void requestWithoutIdGetsANewOneThatTheServiceSeesToo() {
		HttpResponse<String> first = get("/api/issues", null);
		HttpResponse<String> second = get("/api/issues", null);

		String id = first.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(id).matches("[0-9a-f]{32}");
		assertThat(second.headers().firstValue("X-Request-Id")).isPresent().isNotEqualTo(id);
		assertThat(ISSUES.requests().get(0).header("X-Request-Id")).isEqualTo(id);
	}

	@Test
	void saneIncomingIdIsKept() {
		HttpResponse<String> response = get("/api/issues", "checkout-7f3a.2");

		assertThat(response.headers().firstValue("X-Request-Id")).hasValue("checkout-7f3a.2");
		assertThat(ISSUES.requests().get(0).header("X-Request-Id")).isEqualTo("checkout-7f3a.2");
	}

	@Test
	void insaneIncomingIdIsReplaced() {
		for (String insane : new String[] { "<script>alert(1)</script>", "x".repeat(65), "a b" }) {
			HttpResponse<String> response = get("/api/issues", insane);

			String id = response.headers().firstValue("X-Request-Id").orElseThrow();
			assertThat(id).matches("[0-9a-f]{32}");
			assertThat(ISSUES.requests().get(ISSUES.requests().size() - 1).headers().get("X-Request-Id"))
				.containsExactly(id);
		}
	}

	@Test
	void portalPagesAndProblemsCarryTheIdToo() {
		HttpResponse<String> page = this.http.get("/config.json", null);
		HttpResponse<String> problem = this.http.get("/api/issues", null);

		assertThat(page.headers().firstValue("X-Request-Id")).isPresent();
		String id = problem.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(GatewayTestUtils.json(problem.body()).get("requestId").asString()).isEqualTo(id);
	}

}
