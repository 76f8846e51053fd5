package dev.tracker.issues.issue.web;

import dev.tracker.devstack.test.KeycloakTokens;
import dev.tracker.devstack.test.TestStack;
import dev.tracker.issues.IssueServiceTestUtils;
import dev.tracker.issues.IssueServiceTestUtils.IssueApi;
import dev.tracker.issues.IssueServiceTestUtils.IssueServiceIntegrationTest;
import dev.tracker.issues.IssueServiceTestUtils.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The workflow, edits and their concurrency control, through the API. */
@IssueServiceIntegrationTest
class IssueWorkflowIntegrationTest {

	private static final TestStack stack = TestStack.get();

	@LocalServerPort
	int port;

	IssueApi api;

	String reporter;

	String maintainer;

	@BeforeEach
	void setUp() {
		this.api = new IssueApi(this.port);
		this.reporter = stack.tokens().accessToken(KeycloakTokens.REPORTER);
		this.maintainer = stack.tokens().accessToken(KeycloakTokens.MAINTAINER);
	}

	@Test
	void illegalMoveIsAConflictNamingTheAllowedTargets() {
		Response issue = this.api.report(this.reporter, "Straight to resolved?", "LOW");

		Response moved = this.api.transition(this.maintainer, issue.id(), issue.etag(), "{\"to\": \"RESOLVED\"}");

		assertThat(moved.status()).isEqualTo(409);
		assertThat(moved.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = moved.json();
		assertThat(problem.get("type").asString()).isEqualTo("https://tracker.dev/problems/illegal-transition");
		assertThat(problem.get("allowed").toString()).isEqualTo("[\"TRIAGED\",\"CLOSED\"]");
		assertThat(problem.get("from").asString()).isEqualTo("OPEN");
	}

	@Test
	void fullLifecycleSetsAndClearsTheResolutionTime() {
		String id = this.api.report(this.reporter, "Lifecycle", "HIGH").id();
		this.api.move(this.maintainer, id, "TRIAGED", null);
		this.api.move(this.maintainer, id, "IN_PROGRESS", null);
		Response resolved = this.api.move(this.maintainer, id, "RESOLVED", null);
		assertThat(resolved.json().get("resolvedAt").isNull()).isFalse();

		Response closed = this.api.move(this.maintainer, id, "CLOSED", null);
		assertThat(closed.json().get("resolvedAt")).isEqualTo(resolved.json().get("resolvedAt"));

		Response reopened = this.api.move(this.reporter, id, "OPEN", null);
		assertThat(reopened.json().get("status").asString()).isEqualTo("OPEN");
		assertThat(reopened.json().get("resolvedAt").isNull()).isTrue();
		assertThat(reopened.json().get("version").asLong()).isEqualTo(5);
		assertThat(reopened.etag()).isEqualTo("\"5\"");
	}

	@Test
	void closingWithoutWorkNeedsAReasonAndADuplicateNamesAnExistingOriginal() {
		String original = this.api.report(this.reporter, "Original", "LOW").id();
		Response copy = this.api.report(this.reporter, "Copy", "LOW");

		Response noReason = this.api.transition(this.maintainer, copy.id(), copy.etag(), "{\"to\": \"CLOSED\"}");
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.json().get("errors").findValuesAsString("field")).containsExactly("reason");

		Response unknownOriginal = this.api.transition(this.maintainer, copy.id(), copy.etag(),
				"{\"to\": \"CLOSED\", \"reason\": \"DUPLICATE\", \"duplicateOf\": \"" + java.util.UUID.randomUUID()
						+ "\"}");
		assertThat(unknownOriginal.status()).isEqualTo(400);
		assertThat(unknownOriginal.json().get("errors").findValuesAsString("field")).containsExactly("duplicateOf");

		Response closed = this.api.transition(this.maintainer, copy.id(), copy.etag(),
				"{\"to\": \"CLOSED\", \"reason\": \"DUPLICATE\", \"duplicateOf\": \"" + original + "\"}");
		assertThat(closed.status()).isEqualTo(200);
		assertThat(closed.json().get("closeReason").asString()).isEqualTo("DUPLICATE");
		assertThat(closed.json().get("duplicateOf").asString()).isEqualTo(original);
	}

	@Test
	void writesNeedTheCurrentETag() {
		Response issue = this.api.report(this.reporter, "Concurrency", "LOW");

		assertThat(this.api.patch(this.reporter, issue.id(), null, "{\"title\": \"No If-Match\"}").status())
			.isEqualTo(428);
		assertThat(this.api.transition(this.maintainer, issue.id(), null, "{\"to\": \"TRIAGED\"}").status())
			.isEqualTo(428);
		Response first = this.api.patch(this.reporter, issue.id(), issue.etag(), "{\"title\": \"First writer\"}");
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.etag()).isNotEqualTo(issue.etag());

		Response second = this.api.patch(this.maintainer, issue.id(), issue.etag(), "{\"title\": \"Second writer\"}");
		assertThat(second.status()).isEqualTo(412);
		assertThat(second.json().get("type").asString()).isEqualTo("https://tracker.dev/problems/stale");
		assertThat(this.api.transition(this.maintainer, issue.id(), issue.etag(), "{\"to\": \"TRIAGED\"}").status())
			.isEqualTo(412);
		assertThat(this.api.issue(this.reporter, issue.id()).json().get("title").asString()).isEqualTo("First writer");
	}

	@Test
	void aPatchCannotChangeTheStatusOrUnknownFields() {
		Response issue = this.api.report(this.reporter, "Patch rules", "LOW");

		Response status = this.api.patch(this.maintainer, issue.id(), issue.etag(), "{\"status\": \"RESOLVED\"}");
		assertThat(status.status()).isEqualTo(400);
		assertThat(status.json().get("type").asString()).isEqualTo("https://tracker.dev/problems/use-transitions");

		Response reporterField = this.api.patch(this.maintainer, issue.id(), issue.etag(),
				"{\"reporter\": {\"id\": \"x\"}}");
		assertThat(reporterField.status()).isEqualTo(400);
		assertThat(reporterField.json().get("errors").findValuesAsString("field")).containsExactly("reporter");

		Response blankTitle = this.api.patch(this.maintainer, issue.id(), issue.etag(), "{\"title\": \"  \"}");
		assertThat(blankTitle.status()).isEqualTo(400);
		assertThat(this.api.issue(this.reporter, issue.id()).json().get("status").asString()).isEqualTo("OPEN");
	}

	@Test
	void issuesAreAssignedToMaintainersAndAdministratorsOnly() {
		Response issue = this.api.report(this.reporter, "Who works on it", "MEDIUM");

		Response toReporter = this.api.patch(this.maintainer, issue.id(), issue.etag(),
				"{\"assigneeId\": \"" + IssueServiceTestUtils.subjectOf(this.reporter) + "\"}");
		assertThat(toReporter.status()).isEqualTo(400);
		assertThat(toReporter.json().get("errors").findValuesAsString("field")).containsExactly("assigneeId");

		Response toMaintainer = this.api.patch(this.maintainer, issue.id(), issue.etag(),
				"{\"assigneeId\": \"" + IssueServiceTestUtils.subjectOf(this.maintainer) + "\"}");
		assertThat(toMaintainer.status()).isEqualTo(200);
		assertThat(toMaintainer.json().get("assignee").get("email").asString()).isEqualTo(KeycloakTokens.MAINTAINER);

		Response unassigned = this.api.patch(this.maintainer, issue.id(), toMaintainer.etag(),
				"{\"assigneeId\": null}");
		assertThat(unassigned.json().get("assignee").isNull()).isTrue();
	}

	@Test
	void descriptionIsServedAsWrittenAndAsSanitisedHtml() {
		Response created = this.api.post(this.reporter, "/api/issues", """
				{"title": "XSS attempt", "severity": "LOW",
				 "description": "**bold** <img src=x onerror=alert(1)> [x](javascript:alert(1))"}""");

		JsonNode issue = this.api.issue(this.reporter, created.id()).json();
		assertThat(issue.get("description").asString()).contains("<img src=x onerror=alert(1)>");
		assertThat(issue.get("descriptionHtml").asString()).contains("<strong>bold</strong>")
			.doesNotContain("<img", "javascript:");
	}

}
