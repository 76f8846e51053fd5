package dev.tracker.issues.issue.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.tracker.devstack.test.KeycloakTokens;
import dev.tracker.devstack.test.TestStack;
import dev.tracker.events.EventSchemas;
import dev.tracker.events.IssueEvent;
import dev.tracker.issues.IssueServiceTestUtils.EventProbe;
import dev.tracker.issues.IssueServiceTestUtils.IssueApi;
import dev.tracker.issues.IssueServiceTestUtils.IssueServiceIntegrationTest;
import dev.tracker.issues.IssueServiceTestUtils.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the service really publishes, checked against the contract of the events module:
 * one event per change, of the right type, valid against its JSON Schema, with the
 * issue's state after the change, the actor, and a version that grows by one with every
 * change.
 */
@IssueServiceIntegrationTest
class IssueEventContractIntegrationTest {

	private static final TestStack stack = TestStack.get();

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void everyChangePublishesItsEventTypeValidAgainstTheSchemaWithIncreasingVersions() {
		IssueApi api = new IssueApi(this.port);
		String reporter = stack.tokens().accessToken(KeycloakTokens.REPORTER);
		String admin = stack.tokens().accessToken(KeycloakTokens.ADMIN);
		Response created = api.report(reporter, "Contract", "MEDIUM");
		String id = created.id();
		api.patch(admin, id, created.etag(), "{\"title\": \"Contract checked\"}");
		api.move(admin, id, "TRIAGED", null);
		api.comment(reporter, id, "A comment");
		UUID file = UUID.randomUUID();
		api.post(reporter, "/api/issues/" + id + "/attachments", "{\"fileId\": \"" + file + "\"}");
		assertThat(api.delete(admin, "/api/issues/" + id).status()).isEqualTo(204);

		try (EventProbe probe = new EventProbe(stack.info().kafkaBootstrapServers())) {
			List<ConsumerRecord<String, String>> records = probe.recordsOf(UUID.fromString(id), 6,
					Duration.ofSeconds(60));

			assertThat(records).extracting((record) -> header(record, "ce_type"))
				.containsExactly("tracker.issue.created", "tracker.issue.updated", "tracker.issue.status-changed",
						"tracker.issue.commented", "tracker.issue.attachment-added", "tracker.issue.deleted");
			for (int i = 0; i < records.size(); i++) {
				ConsumerRecord<String, String> record = records.get(i);
				IssueEvent.Type type = IssueEvent.Type.ofCloudEventType(header(record, "ce_type"));
				assertThat(EventSchemas.violations(type, record.value())).as(record.value()).isEmpty();
				JsonNode event = json.readTree(record.value());
				assertThat(event.get("issue").get("version").asLong()).as(type.name()).isEqualTo(i);
				assertThat(header(record, "ce_id")).isEqualTo(event.get("eventId").asString());
				assertThat(header(record, "ce_subject")).isEqualTo(id);
			}
			JsonNode updated = json.readTree(records.get(1).value());
			assertThat(updated.get("changedFields").toString()).isEqualTo("[\"title\"]");
			assertThat(updated.get("issue").get("title").asString()).isEqualTo("Contract checked");
			assertThat(updated.get("actor").get("email").asString()).isEqualTo(KeycloakTokens.ADMIN);
			JsonNode moved = json.readTree(records.get(2).value());
			assertThat(moved.get("previousStatus").asString()).isEqualTo("OPEN");
			assertThat(moved.get("issue").get("status").asString()).isEqualTo("TRIAGED");
			assertThat(json.readTree(records.get(3).value()).get("body").asString()).isEqualTo("A comment");
			assertThat(json.readTree(records.get(4).value()).get("fileId").asString()).isEqualTo(file.toString());
		}
	}

	@Test
	void deletedIssueDisappearsFromEveryRead() {
		IssueApi api = new IssueApi(this.port);
		String reporter = stack.tokens().accessToken(KeycloakTokens.REPORTER);
		String admin = stack.tokens().accessToken(KeycloakTokens.ADMIN);
		String id = api.report(reporter, "Soon gone zebrafish", "LOW").id();
		api.comment(reporter, id, "a comment");

		assertThat(api.delete(admin, "/api/issues/" + id).status()).isEqualTo(204);

		assertThat(api.issue(admin, id).status()).isEqualTo(404);
		assertThat(api.get(admin, "/api/issues/" + id + "/comments").status()).isEqualTo(404);
		assertThat(api.get(admin, "/api/issues/" + id + "/activity").status()).isEqualTo(404);
		assertThat(api.get(admin, "/api/issues?q=zebrafish").json().get("items").findValuesAsString("id"))
			.doesNotContain(id);
		assertThat(api.get(reporter, "/api/issues?size=100").json().get("items").findValuesAsString("id"))
			.doesNotContain(id);
		assertThat(api.delete(admin, "/api/issues/" + id).status()).isEqualTo(404);
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

}
