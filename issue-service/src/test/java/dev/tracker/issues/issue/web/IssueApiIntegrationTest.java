package dev.tracker.issues.issue.web;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.tracker.devstack.test.KeycloakTokens;
import dev.tracker.devstack.test.KeycloakUsers.TestUser;
import dev.tracker.devstack.test.TestHttp;
import dev.tracker.devstack.test.TestStack;
import dev.tracker.events.EventSchemas;
import dev.tracker.events.IssueEvent;
import dev.tracker.issues.IssueServiceTestUtils;
import dev.tracker.issues.IssueServiceTestUtils.EventProbe;
import dev.tracker.issues.IssueServiceTestUtils.IssueServiceIntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issue API on a real PostgreSQL, Kafka and Keycloak, with tokens Keycloak issued.
 */
@IssueServiceIntegrationTest
class IssueApiIntegrationTest {

	private static final TestStack stack = TestStack.get();

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	TestHttp http;

	@BeforeEach
	void client() {
		this.http = new TestHttp("http://localhost:" + this.port);
	}

	private String token(String user) {
		return stack.tokens().accessToken(user);
	}

	private JsonNode create(String token, String title) {
		HttpResponse<String> response = this.http.post("/api/issues", token,
				IssueServiceTestUtils.newIssueJson(title, "HIGH"));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json.readTree(response.body());
	}

	@Test
	void reporterCreatesAnIssueThatNamesThemAsReporterFromTheirToken() {
		HttpResponse<String> response = this.http.post("/api/issues", token(KeycloakTokens.REPORTER), """
				{"title": "  Upload fails for PNGs  ", "description": "It *fails*", "severity": "HIGH",
				 "reporter": {"id": "someone-else", "name": "Mallory"}}""");

		assertThat(response.statusCode()).isEqualTo(201);
		JsonNode issue = json.readTree(response.body());
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).endsWith("/api/issues/" + issue.get("id").asString()));
		assertThat(issue.get("key").asString()).matches("TRK-\\d+");
		assertThat(issue.get("title").asString()).isEqualTo("Upload fails for PNGs");
		assertThat(issue.get("status").asString()).isEqualTo("OPEN");
		assertThat(issue.get("reporter").get("email").asString()).isEqualTo(KeycloakTokens.REPORTER);
		assertThat(issue.get("reporter").get("name").asString()).isEqualTo("Rita Reporter");
		assertThat(issue.get("version").asLong()).isZero();

		HttpResponse<String> read = this.http.get("/api/issues/" + issue.get("id").asString(),
				token(KeycloakTokens.REPORTER));
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(json.readTree(read.body())).isEqualTo(issue);
	}

	@Test
	void createdIssueIsPublishedWithCloudEventsHeadersAndAValueItsSchemaAccepts() {
		JsonNode issue = create(token(KeycloakTokens.REPORTER), "Published once it is saved");
		UUID id = UUID.fromString(issue.get("id").asString());

		try (EventProbe probe = new EventProbe(stack.info().kafkaBootstrapServers())) {
			List<ConsumerRecord<String, String>> records = probe.recordsOf(id, 1, Duration.ofSeconds(30));

			assertThat(records).hasSize(1);
			ConsumerRecord<String, String> record = records.get(0);
			assertThat(header(record, "ce_type")).isEqualTo("tracker.issue.created");
			assertThat(header(record, "ce_source")).isEqualTo("/issue-service");
			assertThat(header(record, "ce_subject")).isEqualTo(id.toString());
			assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
			JsonNode value = json.readTree(record.value());
			assertThat(header(record, "ce_id")).isEqualTo(value.get("eventId").asString());
			assertThat(EventSchemas.violations(IssueEvent.Type.CREATED, record.value())).isEmpty();
			assertThat(value.get("issue").get("key")).isEqualTo(issue.get("key"));
			assertThat(value.get("actor").get("email").asString()).isEqualTo(KeycloakTokens.REPORTER);
		}
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

	@Test
	void invalidIssueIsRejectedWithProblemNamingTheFields() {
		String tooLong = "x".repeat(201);
		HttpResponse<String> response = this.http.post("/api/issues", token(KeycloakTokens.REPORTER), """
				{"title": "%s", "severity": null}""".formatted(tooLong));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("type").asString()).isEqualTo("https://tracker.dev/problems/validation");
		assertThat(problem.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("title", "severity");
	}

	@Test
	void unknownSeverityIsABadRequest() {
		HttpResponse<String> response = this.http.post("/api/issues", token(KeycloakTokens.REPORTER), """
				{"title": "Severity from the future", "severity": "APOCALYPTIC"}""");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void callsWithoutOrWithABrokenTokenAreUnauthorized() {
		assertThat(this.http.get("/api/issues", null).statusCode()).isEqualTo(401);
		assertThat(this.http.get("/api/issues", token(KeycloakTokens.REPORTER) + "x").statusCode()).isEqualTo(401);
		assertThat(
				this.http.post("/api/issues", null, IssueServiceTestUtils.newIssueJson("No token", "LOW")).statusCode())
			.isEqualTo(401);
	}

	@Test
	void anotherReporterDoesNotLearnTheIssueExistsWhileAMaintainerSeesIt() {
		JsonNode issue = create(token(KeycloakTokens.REPORTER), "Only mine");
		TestUser other = stack.users().create("REPORTER");
		String path = "/api/issues/" + issue.get("id").asString();

		assertThat(this.http.get(path, other.accessToken()).statusCode()).isEqualTo(404);
		assertThat(this.http.get(path, token(KeycloakTokens.MAINTAINER)).statusCode()).isEqualTo(200);
		assertThat(this.http.get(path, token(KeycloakTokens.ADMIN)).statusCode()).isEqualTo(200);
	}

	@Test
	void reportersListTheirOwnIssuesNewestFirstAndPageWithACursor() {
		TestUser reporter = stack.users().create("REPORTER");
		for (int i = 1; i <= 3; i++) {
			create(reporter.accessToken(), "Mine " + i);
		}
		create(token(KeycloakTokens.REPORTER), "Not theirs");

		JsonNode first = json.readTree(this.http.get("/api/issues?size=2", reporter.accessToken()).body());
		assertThat(first.get("items").findValuesAsString("title")).containsExactly("Mine 3", "Mine 2");
		String cursor = first.get("nextCursor").asString();
		JsonNode second = json
			.readTree(this.http.get("/api/issues?size=2&cursor=" + cursor, reporter.accessToken()).body());
		assertThat(second.get("items").findValuesAsString("title")).containsExactly("Mine 1");
		assertThat(second.get("nextCursor").isNull()).isTrue();
	}

}
