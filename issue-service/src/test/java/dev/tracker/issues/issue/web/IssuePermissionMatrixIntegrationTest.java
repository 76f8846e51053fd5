package dev.tracker.issues.issue.web;

import java.util.UUID;
import java.util.stream.Stream;

import dev.tracker.devstack.test.KeycloakTokens;
import dev.tracker.devstack.test.KeycloakUsers.TestUser;
import dev.tracker.devstack.test.TestStack;
import dev.tracker.issues.IssueServiceTestUtils;
import dev.tracker.issues.IssueServiceTestUtils.IssueApi;
import dev.tracker.issues.IssueServiceTestUtils.IssueServiceIntegrationTest;
import dev.tracker.issues.IssueServiceTestUtils.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The "Who may do what" table of DESIGN.md, cell by cell, with tokens Keycloak issued: an
 * issue reported by one reporter, acted on by that reporter, by another reporter, by a
 * maintainer and by an administrator. A reporter is told another's issue does not exist
 * (404); a permitted caller who may not do something gets 403.
 */
@IssueServiceIntegrationTest
class IssuePermissionMatrixIntegrationTest {

	private static final TestStack stack = TestStack.get();

	private static TestUser owner;

	private static TestUser otherReporter;

	@LocalServerPort
	int port;

	IssueApi api;

	enum Who {

		OWN_REPORTER, OTHER_REPORTER, MAINTAINER, ADMIN

	}

	@BeforeEach
	void users() {
		this.api = new IssueApi(this.port);
		synchronized (IssuePermissionMatrixIntegrationTest.class) {
			if (owner == null) {
				owner = stack.users().create("REPORTER");
				otherReporter = stack.users().create("REPORTER");
			}
		}
	}

	static Stream<Arguments> table() {
		return Stream.of(row("report an issue", 201, 201, 201, 201), row("see the issue", 200, 404, 200, 200),
				row("find the issue in the list", 200, 404, 200, 200), row("see its comments", 200, 404, 200, 200),
				row("see its activity", 200, 404, 200, 200), row("edit the title", 200, 404, 200, 200),
				row("edit the description", 200, 404, 200, 200),
				row("edit the title of a closed issue", 403, 404, 200, 200),
				row("change the severity", 403, 404, 200, 200), row("assign a maintainer", 403, 404, 200, 200),
				row("triage it (OPEN → TRIAGED)", 403, 404, 200, 200),
				row("close it as won't fix (OPEN → CLOSED)", 403, 404, 200, 200),
				row("start work (TRIAGED → IN_PROGRESS)", 403, 404, 200, 200),
				row("resolve it (IN_PROGRESS → RESOLVED)", 403, 404, 200, 200),
				row("reopen a resolved issue (RESOLVED → IN_PROGRESS)", 200, 404, 200, 200),
				row("reopen a closed issue (CLOSED → OPEN)", 200, 404, 200, 200), row("comment", 201, 404, 201, 201),
				row("attach a file", 200, 404, 200, 200), row("delete it", 403, 404, 403, 204))
			.flatMap((row) -> row);
	}

	private static Stream<Arguments> row(String action, int own, int other, int maintainer, int admin) {
		return Stream.of(arguments(action, Who.OWN_REPORTER, own), arguments(action, Who.OTHER_REPORTER, other),
				arguments(action, Who.MAINTAINER, maintainer), arguments(action, Who.ADMIN, admin));
	}

	@ParameterizedTest(name = "{1}: {0} → {2}")
	@MethodSource("table")
	void callerMayDoExactlyWhatTheTableSays(String action, Who who, int expected) {
		String token = token(who);
		String staff = stack.tokens().accessToken(KeycloakTokens.MAINTAINER);
		String id = this.api.report(owner.accessToken(), "Matrix: " + action, "MEDIUM").id();

		int status = switch (action) {
			case "report an issue" -> this.api.report(token, "Reported by " + who, "LOW").status();
			case "see the issue" -> this.api.issue(token, id).status();
			case "find the issue in the list" -> listed(token, id) ? 200 : 404;
			case "see its comments" -> this.api.get(token, "/api/issues/" + id + "/comments").status();
			case "see its activity" -> this.api.get(token, "/api/issues/" + id + "/activity").status();
			case "edit the title" -> patch(token, staff, id, "{\"title\": \"Better title\"}");
			case "edit the description" -> patch(token, staff, id, "{\"description\": \"More *detail*\"}");
			case "edit the title of a closed issue" -> {
				this.api.move(staff, id, "CLOSED", "\"reason\": \"WONT_FIX\"");
				yield patch(token, staff, id, "{\"title\": \"Edited after closing\"}");
			}
			case "change the severity" -> patch(token, staff, id, "{\"severity\": \"CRITICAL\"}");
			case "assign a maintainer" ->
				patch(token, staff, id, "{\"assigneeId\": \"" + IssueServiceTestUtils.subjectOf(staff) + "\"}");
			case "triage it (OPEN → TRIAGED)" -> move(token, staff, id, "TRIAGED", null);
			case "close it as won't fix (OPEN → CLOSED)" ->
				move(token, staff, id, "CLOSED", "\"reason\": \"WONT_FIX\"");
			case "start work (TRIAGED → IN_PROGRESS)" -> {
				this.api.move(staff, id, "TRIAGED", null);
				yield move(token, staff, id, "IN_PROGRESS", null);
			}
			case "resolve it (IN_PROGRESS → RESOLVED)" -> {
				this.api.move(staff, id, "TRIAGED", null);
				this.api.move(staff, id, "IN_PROGRESS", null);
				yield move(token, staff, id, "RESOLVED", null);
			}
			case "reopen a resolved issue (RESOLVED → IN_PROGRESS)" -> {
				this.api.move(staff, id, "TRIAGED", null);
				this.api.move(staff, id, "IN_PROGRESS", null);
				this.api.move(staff, id, "RESOLVED", null);
				yield move(token, staff, id, "IN_PROGRESS", null);
			}
			case "reopen a closed issue (CLOSED → OPEN)" -> {
				this.api.move(staff, id, "CLOSED", "\"reason\": \"CANNOT_REPRODUCE\"");
				yield move(token, staff, id, "OPEN", null);
			}
			case "comment" -> this.api.comment(token, id, "A word from " + who).status();
			case "attach a file" -> this.api
				.post(token, "/api/issues/" + id + "/attachments", "{\"fileId\": \"" + UUID.randomUUID() + "\"}")
				.status();
			case "delete it" -> this.api.delete(token, "/api/issues/" + id).status();
			default -> throw new IllegalArgumentException(action);
		};

		assertThat(status).as("%s: %s", who, action).isEqualTo(expected);
	}

	private String token(Who who) {
		return switch (who) {
			case OWN_REPORTER -> owner.accessToken();
			case OTHER_REPORTER -> otherReporter.accessToken();
			case MAINTAINER -> stack.tokens().accessToken(KeycloakTokens.MAINTAINER);
			case ADMIN -> stack.tokens().accessToken(KeycloakTokens.ADMIN);
		};
	}

	/** A patch with the current ETag (read by someone who may see the issue). */
	private int patch(String token, String staff, String id, String body) {
		return this.api.patch(token, id, this.api.issue(staff, id).etag(), body).status();
	}

	private int move(String token, String staff, String id, String to, String extra) {
		return this.api
			.transition(token, id, this.api.issue(staff, id).etag(),
					"{\"to\": \"" + to + "\"" + ((extra != null) ? ", " + extra : "") + "}")
			.status();
	}

	private boolean listed(String token, String id) {
		Response page = this.api.get(token, "/api/issues?size=100&reporter=" + owner.id());
		assertThat(page.status()).isEqualTo(200);
		return page.json().get("items").findValuesAsString("id").contains(id);
	}

}
