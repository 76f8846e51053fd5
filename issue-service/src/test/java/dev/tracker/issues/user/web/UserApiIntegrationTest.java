package dev.tracker.issues.user.web;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import dev.tracker.devstack.test.KeycloakTokens;
import dev.tracker.devstack.test.KeycloakUsers.TestUser;
import dev.tracker.devstack.test.TestHttp;
import dev.tracker.devstack.test.TestStack;
import dev.tracker.issues.IssueServiceTestUtils.IssueServiceIntegrationTest;
import dev.tracker.issues.user.UserTestUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The user API on the real Keycloak of the test stack: the service account of the dev
 * realm's {@code tracker-issue-service} client does the admin API calls, the callers
 * bring tokens Keycloak issued.
 */
@IssueServiceIntegrationTest
class UserApiIntegrationTest {

	private static final TestStack stack = TestStack.get();

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Map<String, String> DEMO_USERS = Map.of("ADMIN", KeycloakTokens.ADMIN, "MAINTAINER",
			KeycloakTokens.MAINTAINER, "REPORTER", KeycloakTokens.REPORTER);

	@LocalServerPort
	int port;

	TestHttp http;

	@BeforeEach
	void client() {
		this.http = new TestHttp("http://localhost:" + this.port);
	}

	private static String token(String role) {
		return stack.tokens().accessToken(DEMO_USERS.get(role));
	}

	private HttpResponse<String> putRole(String token, String userId, String body) {
		return this.http.send(this.http.request("/api/users/" + userId + "/roles", token)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private static JsonNode problemOf(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		return json.readTree(response.body());
	}

	@ParameterizedTest(name = "{0} searching users: {1}")
	@CsvSource({ "ADMIN, 200", "MAINTAINER, 200", "REPORTER, 403" })
	void searchingUsersIsForMaintainersAndAdministrators(String role, int status) {
		HttpResponse<String> response = this.http.get("/api/users?q=example.com", token(role));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		if (status == 403) {
			assertThat(problemOf(response, 403).get("type").asString())
				.isEqualTo("https://tracker.dev/problems/forbidden");
		}
	}

	@ParameterizedTest(name = "{0} changing a role: {1}")
	@CsvSource({ "ADMIN, 200", "MAINTAINER, 403", "REPORTER, 403" })
	void changingARoleIsForAdministrators(String role, int status) {
		TestUser target = stack.users().create("REPORTER");

		HttpResponse<String> response = putRole(token(role), target.id(), "{\"role\": \"MAINTAINER\"}");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		if (status == 403) {
			assertThat(problemOf(response, 403).get("type").asString())
				.isEqualTo("https://tracker.dev/problems/forbidden");
			assertThat(UserTestUtils.effectiveRoles(target.id())).contains("REPORTER").doesNotContain("MAINTAINER");
		}
	}

	@ParameterizedTest(name = "{0} reads themselves")
	@CsvSource({ "ADMIN", "MAINTAINER", "REPORTER" })
	void everyoneReadsThemselvesFromTheirToken(String role) {
		String token = token(role);

		HttpResponse<String> response = this.http.get("/api/users/me", token);

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode me = json.readTree(response.body());
		assertThat(me.get("id").asString()).isEqualTo(UserTestUtils.claims(token).get("sub").asString());
		assertThat(me.get("email").asString()).isEqualTo(DEMO_USERS.get(role));
		assertThat(me.get("roles").toString()).isEqualTo("[\"" + role + "\"]");
	}

	@Test
	void maintainersFindPeopleByNameOrEmailWithoutTheirRoles() {
		TestUser reporter = stack.users().create("REPORTER");
		String unique = reporter.name().substring(reporter.name().lastIndexOf(' ') + 1);

		JsonNode found = json.readTree(this.http.get("/api/users?q=" + unique, token("MAINTAINER")).body())
			.get("items");

		assertThat(found).hasSize(1);
		assertThat(found.get(0).propertyNames()).containsExactlyInAnyOrder("id", "name", "email");
		assertThat(found.get(0).get("id").asString()).isEqualTo(reporter.id());
		assertThat(found.get(0).get("email").asString()).isEqualTo(reporter.email());
		assertThat(found.get(0).get("name").asString()).isEqualTo(reporter.name());
	}

	@Test
	void administratorsAlsoSeeEachUsersTrackerRole() {
		TestUser maintainer = stack.users().create("MAINTAINER");
		String unique = maintainer.name().substring(maintainer.name().lastIndexOf(' ') + 1);

		JsonNode found = json.readTree(this.http.get("/api/users?q=" + unique, token("ADMIN")).body()).get("items");

		assertThat(found).hasSize(1);
		assertThat(found.get(0).get("id").asString()).isEqualTo(maintainer.id());
		assertThat(found.get(0).get("role").asString()).isEqualTo("MAINTAINER");
	}

	@Test
	void searchIsLimitedToTheAskedSizeAndNeverListsServiceAccounts() {
		for (int i = 0; i < 3; i++) {
			stack.users().create("REPORTER");
		}

		JsonNode found = json.readTree(this.http.get("/api/users?size=2", token("ADMIN")).body()).get("items");
		JsonNode serviceAccount = json.readTree(this.http.get("/api/users?q=service-account", token("ADMIN")).body())
			.get("items");

		assertThat(found).hasSize(2);
		assertThat(serviceAccount).isEmpty();
		assertThat(this.http.get("/api/users?size=51", token("ADMIN")).statusCode()).isEqualTo(400);
	}

	@Test
	void anAdministratorGivesAUserExactlyOneTrackerRoleAndTheirNextTokenCarriesOnlyIt() {
		TestUser user = stack.users().create("REPORTER");
		assertThat(UserTestUtils.groupsOf(user.id())).containsExactly("/reporters");

		for (String role : List.of("MAINTAINER", "ADMIN", "REPORTER")) {
			HttpResponse<String> response = putRole(token("ADMIN"), user.id(), "{\"role\": \"" + role + "\"}");

			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			JsonNode changed = json.readTree(response.body());
			assertThat(changed.get("id").asString()).isEqualTo(user.id());
			assertThat(changed.get("role").asString()).isEqualTo(role);
			assertThat(UserTestUtils.freshRoles(user.email(), user.password())).as(role).containsExactly(role);
		}
		assertThat(UserTestUtils.groupsOf(user.id())).isEmpty();
	}

	@Test
	void administratorsCannotRemoveTheirOwnAdminRole() {
		TestUser admin = stack.users().create("ADMIN");

		JsonNode problem = problemOf(putRole(admin.accessToken(), admin.id(), "{\"role\": \"MAINTAINER\"}"), 409);

		assertThat(problem.get("type").asString()).isEqualTo("https://tracker.dev/problems/own-admin-role");
		assertThat(UserTestUtils.freshRoles(admin.email(), admin.password())).contains("ADMIN");
		assertThat(putRole(admin.accessToken(), admin.id(), "{\"role\": \"ADMIN\"}").statusCode()).isEqualTo(200);
	}

	@Test
	void anUnknownUserIsNotFound() {
		JsonNode problem = problemOf(
				putRole(token("ADMIN"), "00000000-0000-0000-0000-000000000000", "{\"role\": \"MAINTAINER\"}"), 404);
		JsonNode malformed = problemOf(putRole(token("ADMIN"), "x%3Fmax=1", "{\"role\": \"MAINTAINER\"}"), 404);

		assertThat(problem.get("type").asString()).isEqualTo("https://tracker.dev/problems/not-found");
		assertThat(malformed.get("type").asString()).isEqualTo("https://tracker.dev/problems/not-found");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			value = { "{\"role\": \"SUPERUSER\"}", "{\"role\": \"admin\"}", "{}", "{\"role\": null}" })
	void anInvalidRoleIsABadRequestNamingTheField(String body) {
		TestUser target = stack.users().create("REPORTER");

		JsonNode problem = problemOf(putRole(token("ADMIN"), target.id(), body), 400);

		assertThat(problem.get("type").asString()).isEqualTo("https://tracker.dev/problems/validation");
		assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("role");
	}

	@Test
	void callsWithoutATokenAreUnauthorized() {
		assertThat(this.http.get("/api/users/me", null).statusCode()).isEqualTo(401);
		assertThat(this.http.get("/api/users?q=a", null).statusCode()).isEqualTo(401);
		assertThat(putRole(null, "x", "{\"role\": \"ADMIN\"}").statusCode()).isEqualTo(401);
	}

}
