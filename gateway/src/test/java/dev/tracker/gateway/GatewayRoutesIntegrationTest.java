package dev.tracker.gateway;

import java.net.http.HttpResponse;
import java.util.Map;

import dev.tracker.devstack.test.KeycloakTokens;
import org.junit.jupiter.api.Test;

import static dev.tracker.gateway.GatewayTestUtils.EVENTS;
import static dev.tracker.gateway.GatewayTestUtils.FILES;
import static dev.tracker.gateway.GatewayTestUtils.ISSUES;
import static dev.tracker.gateway.GatewayTestUtils.STATS;
import static dev.tracker.gateway.GatewayTestUtils.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routes of DESIGN.md: each API path reaches its service with path, query, body and
 * token as they came, plus the {@code X-Forwarded-*} headers the services build their
 * links from.
 */
class GatewayRoutesIntegrationTest extends GatewayIntegrationTest {

	@Test
	void eachApiPathReachesItsServiceAsItCame() {
		String token = token(KeycloakTokens.MAINTAINER);
		Map<String, Downstream> routes = Map.of("/api/issues", ISSUES, "/api/issues/7/comments", ISSUES,
				"/api/files/9/content", FILES, "/api/stats/daily", STATS, "/api/events/stream", EVENTS);

		routes.forEach((path, service) -> {
			HttpResponse<String> response = this.http.get(path + "?size=20&q=a%20b", token);

			assertThat(response.statusCode()).as(path).isEqualTo(200);
			Downstream.Recorded request = service.requests().get(service.requests().size() - 1);
			assertThat(request.path()).isEqualTo(path);
			assertThat(request.query()).isEqualTo("size=20&q=a%20b");
			assertThat(request.header("Authorization")).isEqualTo("Bearer " + token);
			assertThat(request.header("X-Forwarded-Host")).isEqualTo("localhost:" + this.port);
			assertThat(request.header("X-Forwarded-Proto")).isEqualTo("http");
		});
		assertThat(GatewayTestUtils.forwardedRequests()).isEqualTo(routes.size());
	}

	@Test
	void writesCarryTheirBodyToTheService() {
		String body = "{\"title\": \"Export fails\", \"severity\": \"HIGH\"}";

		HttpResponse<String> response = this.http.post("/api/issues", token(KeycloakTokens.REPORTER), body);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(ISSUES.requests()).singleElement().satisfies((request) -> {
			assertThat(request.method()).isEqualTo("POST");
			assertThat(request.bodySize()).isEqualTo(body.length());
			assertThat(request.header("Content-Type")).isEqualTo("application/json");
		});
	}

	@Test
	void servicesAnswerReachesTheCallerUnchanged() {
		ISSUES.answer(409, "{\"type\": \"https://tracker.dev/problems/illegal-transition\", \"status\": 409}");

		HttpResponse<String> response = this.http.post("/api/issues/1/transitions", token(KeycloakTokens.MAINTAINER),
				"{\"to\": \"CLOSED\"}");

		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(response.body()).contains("illegal-transition");
	}

}
