package dev.tracker.gateway.resilience;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import dev.tracker.devstack.test.KeycloakTokens;
import dev.tracker.devstack.test.TestHttp;
import dev.tracker.gateway.GatewayTestUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.tracker.gateway.GatewayTestUtils.EVENTS;
import static dev.tracker.gateway.GatewayTestUtils.ISSUES;
import static dev.tracker.gateway.GatewayTestUtils.STATS;
import static dev.tracker.gateway.GatewayTestUtils.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Timeouts, retries and circuit breakers per route, against stand-ins that are slow, dead
 * or failing: a bad service fails fast with a 503 problem while the other routes keep
 * answering; only idempotent calls are retried; the live stream is never cut. (Here the
 * response timeout is 1 s and a circuit opens after 4 calls; the file service is a dead
 * port.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "TRACKER_RESPONSE_TIMEOUT=1s",
				"resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=4",
				"resilience4j.circuitbreaker.configs.default.sliding-window-size=4" })
class ResilienceIntegrationTest {

	static final String UNAVAILABLE = "https://tracker.dev/problems/service-unavailable";

	static final String DEAD = GatewayTestUtils.deadUrl();

	@LocalServerPort
	int port;

	TestHttp http;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		GatewayTestUtils.registerServers(registry);
		registry.add("FILE_SERVICE_URL", () -> DEAD);
	}

	@BeforeEach
	void reset() {
		GatewayTestUtils.resetDownstreams();
		this.http = new TestHttp("http://localhost:" + this.port);
	}

	private HttpResponse<String> get(String path) {
		return this.http.get(path, token(KeycloakTokens.MAINTAINER));
	}

	@Test
	void deadServiceIsA503ProblemAtOnceWhileOtherRoutesAnswer() {
		for (int i = 0; i < 6; i++) {
			long started = System.nanoTime();
			HttpResponse<String> dead = get("/api/files/" + i);
			Duration took = Duration.ofNanos(System.nanoTime() - started);

			var problem = GatewayTestUtils.assertProblem(dead, 503, UNAVAILABLE);
			assertThat(problem.get("detail").asString()).startsWith("file-service ");
			assertThat(took).isLessThan(Duration.ofSeconds(2));
			assertThat(get("/api/issues").statusCode()).isEqualTo(200);
		}
		assertThat(GatewayTestUtils.assertProblem(get("/api/files/x"), 503, UNAVAILABLE).get("detail").asString())
			.contains("holds back");
	}

	@Test
	void slowServiceTimesOutWith503AndThenFailsFastOnceItsCircuitIsOpen() {
		STATS.answerAfter(Duration.ofSeconds(5));

		for (int i = 0; i < 4; i++) {
			long started = System.nanoTime();
			HttpResponse<String> slow = get("/api/stats/summary");
			Duration took = Duration.ofNanos(System.nanoTime() - started);

			var problem = GatewayTestUtils.assertProblem(slow, 503, UNAVAILABLE);
			assertThat(problem.get("detail").asString()).contains("stats-service did not answer in time");
			assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofMillis(3000));
			assertThat(get("/api/issues").statusCode()).isEqualTo(200);
		}
		assertThat(STATS.requests()).as("a timeout is not retried").hasSize(4);

		long started = System.nanoTime();
		HttpResponse<String> open = get("/api/stats/summary");

		// answered without waiting for the service's response timeout (1 s here)
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(900));
		assertThat(GatewayTestUtils.assertProblem(open, 503, UNAVAILABLE).get("detail").asString())
			.contains("holds back");
		assertThat(STATS.requests()).hasSize(4);
		assertThat(get("/api/issues").statusCode()).isEqualTo(200);
	}

	@Test
	void idempotentCallsAreRetriedOnServiceUnavailable() {
		ISSUES.answer(503, "{}");
		String token = token(KeycloakTokens.MAINTAINER);

		HttpResponse<String> read = this.http.get("/api/issues/42", token);
		HttpResponse<String> head = this.http.send(
				this.http.request("/api/issues/42", token).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());

		assertThat(read.statusCode()).isEqualTo(503);
		assertThat(head.statusCode()).isEqualTo(503);
		assertThat(ISSUES.requests()).extracting((request) -> request.method())
			.containsExactly("GET", "GET", "GET", "HEAD", "HEAD", "HEAD");
	}

	@Test
	void writesAreNeverRetried() {
		ISSUES.answer(503, "{}");
		String token = token(KeycloakTokens.MAINTAINER);

		HttpResponse<String> post = this.http.post("/api/issues", token, "{\"title\": \"t\"}");
		HttpResponse<String> patch = this.http.send(this.http.request("/api/issues/42", token)
			.header("Content-Type", "application/merge-patch+json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString("{\"title\": \"u\"}"))
			.build());
		HttpResponse<String> delete = this.http.send(this.http.request("/api/issues/42", token).DELETE().build());

		assertThat(List.of(post.statusCode(), patch.statusCode(), delete.statusCode())).containsOnly(503);
		assertThat(ISSUES.requests()).extracting((request) -> request.method())
			.containsExactly("POST", "PATCH", "DELETE");
	}

	@Test
	void liveStreamOutlastsTheResponseTimeout() {
		EVENTS.answerWith((exchange) -> {
			exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream out = exchange.getResponseBody()) {
				for (int i = 1; i <= 6; i++) {
					out.write(("id: " + i + "\nevent: issue.created\ndata: {}\n\n").getBytes(StandardCharsets.UTF_8));
					out.flush();
					sleep(Duration.ofMillis(500));
				}
			}
			catch (IOException ex) {
				// the client went away
			}
		});

		HttpResponse<String> stream = this.http
			.send(this.http.request("/api/events/stream", token(KeycloakTokens.REPORTER))
				.header("Accept", "text/event-stream")
				.build());

		assertThat(stream.statusCode()).isEqualTo(200);
		assertThat(stream.body().lines().filter((line) -> line.startsWith("id: "))).hasSize(6);
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
