package dev.tracker.issues.user;

import java.net.http.HttpResponse;
import java.util.UUID;

import dev.tracker.devstack.test.KeycloakUsers.TestUser;
import dev.tracker.devstack.test.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service account of {@code tracker-issue-service} may do exactly what the user
 * directory needs in Keycloak's admin API (realm-management role {@code manage-users}):
 * find users and change their realm role mappings and group memberships, and nothing that
 * touches the realm, its clients, identity providers or admin roles.
 */
class KeycloakServiceAccountIntegrationTest {

	private static final TestStack stack = TestStack.get();

	private static final JsonMapper json = JsonMapper.builder().build();

	private static String token;

	private static String serviceAccountId;

	@BeforeAll
	static void serviceAccountToken() {
		HttpResponse<String> response = UserTestUtils.serviceAccountToken(UserTestUtils.DEV_CLIENT_SECRET);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		token = json.readTree(response.body()).get("access_token").asString();
		serviceAccountId = UserTestUtils.claims(token).get("sub").asString();
	}

	private static int status(String method, String path, String body) {
		return UserTestUtils.admin(token, method, path, body).statusCode();
	}

	@Test
	void itGetsATokenOnlyWithItsSecretAndTheTokenOpensNoTrackerApi() {
		assertThat(UserTestUtils.serviceAccountToken("not-the-secret").statusCode()).isEqualTo(401);
		JsonNode claims = UserTestUtils.claims(token);
		assertThat(claims.path("aud").toString()).doesNotContain("tracker-api");
		assertThat(claims.has("roles")).isFalse();
	}

	@Test
	void itFindsUsersAndChangesTheirRealmRolesAndGroups() {
		TestUser user = stack.users().create("REPORTER");
		JsonNode maintainer = UserTestUtils.adminJson(token, "/users/" + user.id() + "/role-mappings/realm/available")
			.valueStream()
			.filter((role) -> role.get("name").asString().equals("MAINTAINER"))
			.findFirst()
			.orElseThrow();
		String group = UserTestUtils.adminJson(token, "/users/" + user.id() + "/groups").get(0).get("id").asString();

		assertThat(status("GET", "/users?search=" + user.email(), null)).isEqualTo(200);
		assertThat(status("POST", "/users/" + user.id() + "/role-mappings/realm", "[" + maintainer + "]"))
			.isEqualTo(204);
		assertThat(status("DELETE", "/users/" + user.id() + "/role-mappings/realm", "[" + maintainer + "]"))
			.isEqualTo(204);
		assertThat(status("DELETE", "/users/" + user.id() + "/groups/" + group, null)).isEqualTo(204);
		assertThat(status("PUT", "/users/" + user.id() + "/groups/" + group, null)).isEqualTo(204);
	}

	@Test
	void itCannotChangeTheRealmItsClientsOrItsIdentityProviders() {
		assertThat(status("DELETE", "", null)).isEqualTo(403);
		assertThat(status("PUT", "", "{\"registrationAllowed\": false}")).isEqualTo(403);
		assertThat(status("GET", "/clients", null)).isEqualTo(403);
		assertThat(status("POST", "/clients", "{\"clientId\": \"evil-" + UUID.randomUUID() + "\"}")).isEqualTo(403);
		assertThat(status("GET", "/identity-provider/instances", null)).isEqualTo(403);
		assertThat(status("POST", "/roles", "{\"name\": \"EVIL\"}")).isEqualTo(403);
	}

	@Test
	void itCannotGiveItselfOrAnyoneAnAdminRoleOfKeycloak() {
		String master = UserTestUtils.masterAdminToken();
		String realmManagement = UserTestUtils.adminJson(master, "/clients?clientId=realm-management")
			.get(0)
			.get("id")
			.asString();
		JsonNode realmAdmin = UserTestUtils.adminJson(master, "/clients/" + realmManagement + "/roles/realm-admin");

		assertThat(status("POST", "/users/" + serviceAccountId + "/role-mappings/clients/" + realmManagement,
				"[" + realmAdmin + "]"))
			.isEqualTo(403);
		TestUser user = stack.users().create("REPORTER");
		assertThat(status("POST", "/users/" + user.id() + "/role-mappings/clients/" + realmManagement,
				"[" + realmAdmin + "]"))
			.isEqualTo(403);
		assertThat(status("POST", "/users/" + user.id() + "/impersonation", null)).isEqualTo(403);
	}

}
