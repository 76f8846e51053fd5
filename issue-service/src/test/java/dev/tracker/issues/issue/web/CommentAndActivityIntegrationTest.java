package dev.tracker.issues.issue.web;

import java.util.List;

import dev.tracker.devstack.test.KeycloakTokens;
import dev.tracker.issues.IssueServiceTestUtils.IssueServiceIntegrationTest;
import dev.tracker.issues.IssueServiceTestUtils.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Comments (Markdown, edited by their author or an administrator) and the activity log of
 * every change.
 */
@IssueServiceIntegrationTest
class CommentAndActivityIntegrationTest extends ReporterAndMaintainerIntegrationTest {

	String admin;

	@BeforeEach
	void adminToken() {
		this.admin = stack.tokens().accessToken(KeycloakTokens.ADMIN);
	}

	@Test
	void commentsAreListedOldestFirstWithSanitisedHtml() {
		String id = this.api.report(this.reporter.accessToken(), "Discussed", "LOW").id();
		Response first = this.api.comment(this.reporter.accessToken(), id, "Happens **every** time <script>x</script>");
		this.api.comment(this.maintainer, id, "Thanks, on it");

		assertThat(first.status()).isEqualTo(201);
		assertThat(first.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).endsWith("/api/issues/" + id + "/comments/" + first.id()));
		JsonNode comments = this.api.get(this.reporter.accessToken(), "/api/issues/" + id + "/comments").json();
		assertThat(comments.findValuesAsString("body")).containsExactly("Happens **every** time <script>x</script>",
				"Thanks, on it");
		assertThat(comments.get(0).get("bodyHtml").asString()).contains("<strong>every</strong>")
			.doesNotContain("<script");
		assertThat(comments.get(0).get("author").get("id").asString()).isEqualTo(this.reporter.id());
		assertThat(this.api.comment(this.reporter.accessToken(), id, " ").status()).isEqualTo(400);
	}

	@Test
	void authorsChangeTheirOwnCommentsAndAdministratorsAnyButMaintainersNotOthers() {
		String id = this.api.report(this.reporter.accessToken(), "Editable", "LOW").id();
		String comment = this.api.comment(this.reporter.accessToken(), id, "Frist").id();
		String path = "/api/issues/" + id + "/comments/" + comment;

		Response edited = this.api.patchJson(this.reporter.accessToken(), path, "{\"body\": \"First\"}");
		assertThat(edited.status()).isEqualTo(200);
		assertThat(edited.json().get("edited").asBoolean()).isTrue();
		assertThat(this.api.patchJson(this.maintainer, path, "{\"body\": \"Maintainer edit\"}").status())
			.isEqualTo(403);
		assertThat(this.api.delete(this.maintainer, path).status()).isEqualTo(403);
		assertThat(this.api.patchJson(this.admin, path, "{\"body\": \"Moderated\"}").status()).isEqualTo(200);

		assertThat(this.api.delete(this.reporter.accessToken(), path).status()).isEqualTo(204);
		assertThat(this.api.get(this.reporter.accessToken(), "/api/issues/" + id + "/comments").json()).isEmpty();
		assertThat(this.api.delete(this.reporter.accessToken(), path).status()).isEqualTo(404);
	}

	@Test
	void deletedCommentsAreNoLongerFoundByFullText() {
		String id = this.api.report(this.reporter.accessToken(), "Searchable discussion", "LOW").id();
		String comment = this.api.comment(this.reporter.accessToken(), id, "zanzibar appears here").id();
		String search = "/api/issues?q=zanzibar&reporter=" + this.reporter.id();
		assertThat(this.api.get(this.maintainer, search).json().get("items")).hasSize(1);

		this.api.delete(this.reporter.accessToken(), "/api/issues/" + id + "/comments/" + comment);

		assertThat(this.api.get(this.maintainer, search).json().get("items")).isEmpty();
	}

	@Test
	void everyChangeIsInTheActivityLogWithWhoWhenAndOldAndNewValues() {
		String token = this.reporter.accessToken();
		Response issue = this.api.report(token, "Tracked", "LOW");
		String id = issue.id();
		Response edited = this.api.patch(this.maintainer, id, issue.etag(),
				"{\"title\": \"Tracked better\", \"severity\": \"HIGH\"}");
		this.api.move(this.maintainer, id, "TRIAGED", null);
		this.api.post(token, "/api/issues/" + id + "/attachments",
				"{\"fileId\": \"" + java.util.UUID.randomUUID() + "\"}");
		String comment = this.api.comment(token, id, "note").id();
		this.api.patchJson(token, "/api/issues/" + id + "/comments/" + comment, "{\"body\": \"better note\"}");
		assertThat(edited.status()).isEqualTo(200);

		Response activity = this.api.get(token, "/api/issues/" + id + "/activity");

		assertThat(activity.status()).isEqualTo(200);
		JsonNode entries = activity.json();
		assertThat(entries.findValuesAsString("action")).containsExactly("CREATED", "FIELD_CHANGED", "FIELD_CHANGED",
				"STATUS_CHANGED", "ATTACHMENT_ADDED", "COMMENTED", "COMMENT_EDITED");
		assertThat(List.of(entries.get(1).get("field").asString(), entries.get(1).get("oldValue").asString(),
				entries.get(1).get("newValue").asString()))
			.containsExactly("title", "Tracked", "Tracked better");
		assertThat(entries.get(2).get("oldValue").asString()).isEqualTo("LOW");
		assertThat(entries.get(3).get("newValue").asString()).isEqualTo("TRIAGED");
		assertThat(entries.get(3).get("actor").get("name").asString()).isEqualTo("Max Maintainer");
		assertThat(entries.get(6).get("oldValue").asString()).isEqualTo("note");
		assertThat(entries.get(0).get("at").asString()).isNotBlank();
	}

}
