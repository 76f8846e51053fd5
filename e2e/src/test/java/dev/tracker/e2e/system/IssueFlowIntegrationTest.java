package dev.tracker.e2e.system;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import dev.tracker.devstack.test.KeycloakTokens;
import dev.tracker.devstack.test.TestHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One issue through the whole system: a token from Keycloak, the gateway, the issue
 * service and its outbox, Kafka, then the stats service's counts and an already open
 * event stream.
 */
class IssueFlowIntegrationTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final RunningSystem system = RunningSystem.get();

	private final TestHttp gateway = new TestHttp(this.system.gatewayUrl());

	private String token(String user) {
		return this.system.testStack().tokens().accessToken(user);
	}

	@Test
	void createdIssueReachesAnOpenEventStreamAndTheStatsThroughTheGateway() {
		String token = token(KeycloakTokens.REPORTER);
		List<String> streamed = new CopyOnWriteArrayList<>();
		HttpRequest streamRequest = this.gateway.request("/api/events/stream", token)
			.timeout(Duration.ofMinutes(2))
			.header("Accept", "text/event-stream")
			.build();
		CompletableFuture<HttpResponse<Stream<String>>> stream = this.gateway.client()
			.sendAsync(streamRequest, HttpResponse.BodyHandlers.ofLines());
		stream.thenAccept((response) -> response.body().forEach(streamed::add));
		await().atMost(Duration.ofSeconds(30)).until(() -> streamed.contains(":connected"));
		long highBefore = openHigh(token);

		HttpResponse<String> created = this.gateway.post("/api/issues", token, """
				{"title": "Checkout button does nothing", "description": "Click it: nothing.", "severity": "HIGH"}""");

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(created.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).startsWith(this.system.gatewayUrl() + "/api/issues/"));
		String id = json.readTree(created.body()).get("id").asString();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode event = createdEventFor(streamed, id);
			assertThat(event).as("issue.created for %s on the stream: %s", id, streamed).isNotNull();
			assertThat(event.get("issue").get("title").asString()).isEqualTo("Checkout button does nothing");
		});
		await().atMost(Duration.ofSeconds(30)).until(() -> openHigh(token) == highBefore + 1);
		stream.cancel(true);
	}

	@Test
	void issueMovesThroughTheWorkflowThroughTheGatewayWithETagsCommentsAndHistory() {
		String reporter = token(KeycloakTokens.REPORTER);
		String maintainer = token(KeycloakTokens.MAINTAINER);
		HttpResponse<String> created = this.gateway.post("/api/issues", reporter,
				"{\"title\": \"Export drops rows\", \"severity\": \"MEDIUM\"}");
		String id = json.readTree(created.body()).get("id").asString();
		String etag = created.headers().firstValue("ETag").orElseThrow();

		assertThat(transition(maintainer, id, "\"41\"", "TRIAGED").statusCode()).isEqualTo(412);
		HttpResponse<String> triaged = transition(maintainer, id, etag, "TRIAGED");
		assertThat(triaged.statusCode()).as(triaged.body()).isEqualTo(200);
		assertThat(triaged.headers().firstValue("ETag")).hasValue("\"1\"");

		HttpResponse<String> comment = this.gateway.post("/api/issues/" + id + "/comments", reporter,
				"{\"body\": \"Still happens with **50** rows\"}");
		assertThat(comment.statusCode()).isEqualTo(201);
		HttpResponse<String> notAllowed = transition(reporter, id, "\"2\"", "IN_PROGRESS");
		assertThat(notAllowed.statusCode()).isEqualTo(403);
		assertThat(notAllowed.headers().firstValue("Content-Type")).hasValue("application/problem+json");

		JsonNode activity = json.readTree(this.gateway.get("/api/issues/" + id + "/activity", reporter).body());
		assertThat(activity.findValuesAsString("action")).containsExactly("CREATED", "STATUS_CHANGED", "COMMENTED");
	}

	private HttpResponse<String> transition(String token, String id, String ifMatch, String to) {
		return this.gateway.send(this.gateway.request("/api/issues/" + id + "/transitions", token)
			.header("Content-Type", "application/json")
			.header("If-Match", ifMatch)
			.POST(HttpRequest.BodyPublishers.ofString("{\"to\": \"" + to + "\"}"))
			.build());
	}

	/**
	 * The data of the {@code issue.created} event of the issue among the stream's lines,
	 * or null.
	 */
	private static JsonNode createdEventFor(List<String> lines, String issueId) {
		List<String> snapshot = new ArrayList<>(lines);
		for (int i = 0; i + 2 < snapshot.size(); i++) {
			if (snapshot.get(i).startsWith("id:") && snapshot.get(i + 1).equals("event:issue.created")
					&& snapshot.get(i + 2).startsWith("data:")) {
				JsonNode data = json.readTree(snapshot.get(i + 2).substring("data:".length()));
				if (data.get("issue").get("id").asString().equals(issueId)
						&& snapshot.get(i).substring("id:".length()).equals(data.get("eventId").asString())) {
					return data;
				}
			}
		}
		return null;
	}

	private long openHigh(String token) {
		HttpResponse<String> summary = this.gateway.get("/api/stats/summary", token);
		assertThat(summary.statusCode()).as(summary.body()).isEqualTo(200);
		return json.readTree(summary.body()).get("openBySeverity").get("HIGH").asLong();
	}

	@Test
	void gatewayRefusesCallsWithoutATokenOrWithATamperedOne() {
		String token = token(KeycloakTokens.REPORTER);
		String[] parts = token.split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
			.replace("\"REPORTER\"", "\"ADMIN\"");
		String tampered = parts[0] + "."
				+ Base64.getUrlEncoder()
					.withoutPadding()
					.encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8))
				+ "." + parts[2];

		for (String path : List.of("/api/issues", "/api/stats/summary", "/api/events/stream", "/api/files/x")) {
			assertThat(this.gateway.get(path, null).statusCode()).as("no token on %s", path).isEqualTo(401);
			assertThat(this.gateway.get(path, tampered).statusCode()).as("tampered token on %s", path).isEqualTo(401);
		}
		assertThat(this.gateway.post("/api/issues", tampered, "{\"title\": \"x\", \"severity\": \"LOW\"}").statusCode())
			.isEqualTo(401);
	}

	@Test
	void gatewayServesThePortalItsConfigurationAndTheApiDocs() {
		HttpResponse<String> portal = this.gateway
			.send(this.gateway.request("/", null).header("Accept", "text/html").GET().build());
		assertThat(portal.statusCode()).isEqualTo(200);
		assertThat(portal.body()).contains("<html");
		assertThat(portal.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((policy) -> assertThat(policy).contains("frame-ancestors 'none'")
				.doesNotContain("'unsafe-inline' 'self'"));

		JsonNode config = json.readTree(this.gateway.get("/config.json", null).body());
		assertThat(config.get("keycloakUrl").asString()).isEqualTo(this.system.info().keycloakUrl());
		assertThat(config.get("clientId").asString()).isEqualTo("tracker-portal");

		for (String service : List.of("issue-service", "file-service", "stats-service", "notification-service")) {
			HttpResponse<String> docs = this.gateway.get("/api/docs/" + service, null);
			assertThat(docs.statusCode()).as(service).isEqualTo(200);
			assertThat(json.readTree(docs.body()).get("openapi").asString()).startsWith("3.");
		}
	}

}
