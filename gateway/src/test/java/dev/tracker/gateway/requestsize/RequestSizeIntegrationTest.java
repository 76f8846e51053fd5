package dev.tracker.gateway.requestsize;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.tracker.devstack.test.KeycloakTokens;
import dev.tracker.gateway.GatewayIntegrationTest;
import dev.tracker.gateway.GatewayTestUtils;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static dev.tracker.gateway.GatewayTestUtils.FILES;
import static dev.tracker.gateway.GatewayTestUtils.ISSUES;
import static dev.tracker.gateway.GatewayTestUtils.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Body size limits per route (here 64 KB for JSON calls, 1 MB for uploads): a body over
 * the limit is answered with a 413 problem, before anything is forwarded when its length
 * is declared, as soon as it passes the limit when it is streamed in chunks; bodies under
 * the limit reach the service whole.
 */
@TestPropertySource(properties = { "tracker.gateway.request-size.max=64KB",
		"tracker.gateway.request-size.routes.file-service-writes=1MB" })
class RequestSizeIntegrationTest extends GatewayIntegrationTest {

	static final String TOO_LARGE = "https://tracker.dev/problems/request-too-large";

	private HttpResponse<String> post(String path, HttpRequest.BodyPublisher body) {
		return this.http.send(this.http.request(path, token(KeycloakTokens.REPORTER))
			.header("Content-Type", "application/octet-stream")
			.POST(body)
			.build());
	}

	private static HttpRequest.BodyPublisher declared(int size) {
		return HttpRequest.BodyPublishers.ofByteArray(new byte[size]);
	}

	private static HttpRequest.BodyPublisher chunked(int size) {
		return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[size]));
	}

	@Test
	void declaredBodyOverTheLimitIsRefusedBeforeAnythingIsForwarded() {
		HttpResponse<String> response = post("/api/issues", declared(100 * 1024));

		var problem = GatewayTestUtils.assertProblem(response, 413, TOO_LARGE);
		assertThat(problem.get("maxSize").asLong()).isEqualTo(64 * 1024);
		assertThat(ISSUES.requests()).isEmpty();
	}

	@Test
	void chunkedBodyOverTheLimitIsCutOffWhileItStreams() {
		HttpResponse<String> response = post("/api/issues", chunked(512 * 1024));

		GatewayTestUtils.assertProblem(response, 413, TOO_LARGE);
		assertThat(ISSUES.requests()).allSatisfy((request) -> assertThat(request.bodySize()).isLessThan(512 * 1024));
	}

	@Test
	void bodiesUnderTheLimitReachTheServiceWhole() {
		assertThat(post("/api/issues", declared(60 * 1024)).statusCode()).isEqualTo(200);
		assertThat(post("/api/issues", chunked(60 * 1024)).statusCode()).isEqualTo(200);

		assertThat(ISSUES.requests()).extracting((request) -> request.bodySize())
			.containsExactly(60L * 1024, 60L * 1024);
	}

	@Test
	void uploadsHaveTheirOwnLargerLimit() {
		HttpResponse<String> under = post("/api/files", chunked(900 * 1024));
		HttpResponse<String> over = post("/api/files", declared(1536 * 1024));

		assertThat(under.statusCode()).isEqualTo(200);
		assertThat(FILES.requests()).singleElement()
			.satisfies((request) -> assertThat(request.bodySize()).isEqualTo(900 * 1024));
		var problem = GatewayTestUtils.assertProblem(over, 413, TOO_LARGE);
		assertThat(problem.get("maxSize").asLong()).isEqualTo(1024 * 1024);
	}

}
