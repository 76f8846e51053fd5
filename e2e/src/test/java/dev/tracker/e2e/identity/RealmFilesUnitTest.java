package dev.tracker.e2e.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tracker.devstack.ProjectLayout;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static dev.tracker.e2e.identity.IdentityTestUtils.client;
import static dev.tracker.e2e.identity.IdentityTestUtils.realmFile;
import static dev.tracker.e2e.identity.IdentityTestUtils.strings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The realm files of {@code auth/}: the production realm that compose and Helm import
 * ({@code tracker-realm.json}) and the dev realm devstack imports
 * ({@code dev/tracker-realm.json}, generated from it plus
 * {@code dev/dev-additions.json}).
 */
class RealmFilesUnitTest {

	private static final String PORTAL = "${TRACKER_PORTAL_URL:http://localhost:8080}";

	private static final Set<String> TRACKER_ROLES = Set.of("ADMIN", "MAINTAINER", "REPORTER");

	private final JsonNode production = realmFile("tracker-realm.json");

	private final JsonNode dev = realmFile("dev/tracker-realm.json");

	@Test
	void theDevRealmIsTheProductionRealmPlusTheDevAdditions() throws IOException, InterruptedException {
		Process check = new ProcessBuilder("node", "auth/dev/generate.mjs", "--check")
			.directory(ProjectLayout.find().root().toFile())
			.redirectErrorStream(true)
			.start();
		assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
		String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

		assertThat(check.exitValue()).as(output).isZero();
	}

	@Test
	void onlyTheDevRealmHasTheDirectGrantClientAndTheDemoUsers() {
		assertThat(client(this.production, "tracker-cli").isMissingNode()).isTrue();
		for (JsonNode client : this.production.path("clients")) {
			assertThat(client.path("directAccessGrantsEnabled").asBoolean(false)).as(client.path("clientId").asString())
				.isFalse();
			assertThat(client.path("implicitFlowEnabled").asBoolean(false)).isFalse();
		}
		for (JsonNode user : this.production.path("users")) {
			assertThat(user.path("serviceAccountClientId").asString()).as("production users are service accounts")
				.isEqualTo("tracker-issue-service");
		}

		assertThat(client(this.dev, "tracker-cli").path("directAccessGrantsEnabled").asBoolean()).isTrue();
		assertThat(client(this.dev, "tracker-cli").path("publicClient").asBoolean()).isTrue();
		assertThat(this.dev.path("users").findValuesAsString("username")).contains("admin@example.com",
				"maintainer@example.com", "reporter@example.com");
	}

	@Test
	void demoUsersHaveExactlyOneTrackerRole() {
		for (JsonNode user : this.dev.path("users")) {
			if (!user.has("serviceAccountClientId")) {
				assertThat(strings(user.path("realmRoles"))).as(user.path("username").asString())
					.hasSize(1)
					.allMatch(TRACKER_ROLES::contains);
			}
		}
	}

	@Test
	void noRedirectUriOrWebOriginOfATrackerClientHasAWildcard() {
		for (JsonNode realm : List.of(this.production, this.dev)) {
			for (JsonNode client : realm.path("clients")) {
				List<String> uris = new ArrayList<>(strings(client.path("redirectUris")));
				uris.addAll(strings(client.path("webOrigins")));
				uris.addAll(
						List.of(client.path("attributes").path("post.logout.redirect.uris").asString("").split("##")));
				String clientId = client.path("clientId").asString();
				if (clientId.startsWith("tracker-")) {
					assertThat(uris).as(clientId).noneMatch((uri) -> uri.contains("*") || uri.equals("+"));
				}
				else {
					// Keycloak's own account console: only paths inside Keycloak itself.
					assertThat(strings(client.path("redirectUris"))).as(clientId)
						.allMatch((uri) -> uri.startsWith("/realms/tracker/account/"));
					assertThat(strings(client.path("webOrigins"))).as(clientId).isEmpty();
				}
			}
		}
	}

	@Test
	void thePortalIsAPublicClientWithPkceAndExactRedirectUris() {
		JsonNode portal = client(this.production, "tracker-portal");

		assertThat(portal.path("publicClient").asBoolean()).isTrue();
		assertThat(portal.path("standardFlowEnabled").asBoolean()).isTrue();
		assertThat(portal.path("attributes").path("pkce.code.challenge.method").asString()).isEqualTo("S256");
		assertThat(strings(portal.path("redirectUris"))).containsExactly(PORTAL + "/",
				PORTAL + "/api/swagger-ui/oauth2-redirect.html");
		assertThat(strings(portal.path("webOrigins"))).containsExactly(PORTAL);
		assertThat(portal.path("attributes").path("post.logout.redirect.uris").asString()).isEqualTo(PORTAL + "/");
		assertThat(strings(portal.path("defaultClientScopes"))).contains("tracker-api");
		assertThat(strings(client(this.dev, "tracker-portal").path("redirectUris"))).contains(PORTAL + "/",
				"http://localhost:5173/");
	}

	@Test
	void theTrackerApiAudienceAndRolesClaimComeFromOneClientScope() {
		JsonNode scope = null;
		for (JsonNode candidate : this.production.path("clientScopes")) {
			if (candidate.path("name").asString().equals("tracker-api")) {
				scope = candidate;
			}
		}
		assertThat(scope).isNotNull();
		assertThat(scope.path("protocolMappers").findValuesAsString("included.custom.audience"))
			.containsExactly("tracker-api");
		assertThat(scope.path("protocolMappers").findValuesAsString("claim.name")).containsExactly("roles");
		assertThat(this.production.path("scopeMappings").get(0).path("clientScope").asString())
			.isEqualTo("tracker-api");
		assertThat(strings(this.production.path("scopeMappings").get(0).path("roles")))
			.containsExactlyInAnyOrderElementsOf(TRACKER_ROLES);
	}

	@Test
	void newAccountsGetReporterFromTheDefaultGroupAndNothingElse() {
		JsonNode defaultRoles = null;
		for (JsonNode role : this.production.path("roles").path("realm")) {
			if (role.path("name").asString().equals("default-roles-tracker")) {
				defaultRoles = role;
			}
		}
		assertThat(defaultRoles).isNotNull();
		assertThat(defaultRoles.path("composites").path("realm").isMissingNode()
				|| defaultRoles.path("composites").path("realm").isEmpty())
			.as("default roles carry no realm role")
			.isTrue();
		assertThat(defaultRoles.path("composites").path("client").propertyNames()).containsExactly("account");

		assertThat(strings(this.production.path("defaultGroups"))).containsExactly("/reporters");
		JsonNode reporters = this.production.path("groups").get(0);
		assertThat(this.production.path("groups")).hasSize(1);
		assertThat(reporters.path("name").asString()).isEqualTo("reporters");
		assertThat(strings(reporters.path("realmRoles"))).containsExactly("REPORTER");
		assertThat(reporters.path("clientRoles").isEmpty()).isTrue();
		assertThat(reporters.path("subGroups").isEmpty()).isTrue();
	}

	@Test
	void selfRegistrationUsesTheEmailAndTheUserProfileKeepsUnknownAttributesOut() {
		assertThat(this.production.path("registrationAllowed").asBoolean()).isTrue();
		assertThat(this.production.path("registrationEmailAsUsername").asBoolean()).isTrue();
		assertThat(this.production.path("duplicateEmailsAllowed").asBoolean()).isFalse();
		assertThat(this.production.path("editUsernameAllowed").asBoolean()).isFalse();

		JsonNode profile = IdentityTestUtils.json.readTree(this.production.path("components")
			.path("org.keycloak.userprofile.UserProfileProvider")
			.get(0)
			.path("config")
			.path("kc.user.profile.config")
			.get(0)
			.asString());
		assertThat(profile.has("unmanagedAttributePolicy")).as("unmanaged attributes stay disabled").isFalse();
		assertThat(profile.path("attributes").findValuesAsString("name")).containsExactly("username", "email",
				"firstName", "lastName");
	}

	@Test
	void loginsAreHardenedAndTokensShortLived() {
		assertThat(this.production.path("sslRequired").asString()).isEqualTo("external");
		assertThat(this.production.path("bruteForceProtected").asBoolean()).isTrue();
		assertThat(this.production.path("failureFactor").asInt()).isBetween(1, 10);
		assertThat(this.production.path("passwordPolicy").asString()).contains("length(8)", "notUsername", "notEmail");
		assertThat(this.production.path("accessTokenLifespan").asInt()).isBetween(60, 300);
		assertThat(this.production.path("revokeRefreshToken").asBoolean()).isTrue();
		assertThat(this.production.path("refreshTokenMaxReuse").asInt()).isZero();
	}

	@Test
	void googleLoginIsOffUnlessConfiguredAndNeverTrustsOrLinksByItself() {
		JsonNode google = this.production.path("identityProviders").get(0);

		assertThat(this.production.path("identityProviders")).hasSize(1);
		assertThat(google.path("alias").asString()).isEqualTo("google");
		assertThat(google.path("providerId").asString()).isEqualTo("google");
		assertThat(google.path("enabled").asString()).isEqualTo("${GOOGLE_IDP_ENABLED:false}");
		assertThat(google.path("config").path("clientId").asString()).isEqualTo("${GOOGLE_CLIENT_ID:}");
		assertThat(google.path("config").path("clientSecret").asString()).isEqualTo("${GOOGLE_CLIENT_SECRET:}");
		assertThat(google.path("trustEmail").asBoolean()).as("Google's email is not taken as verified").isFalse();
		assertThat(google.path("firstBrokerLoginFlowAlias").asString()).isEqualTo("first broker login");
		assertThat(google.has("postBrokerLoginFlowAlias")).isFalse();
		assertThat(google.path("linkOnly").asBoolean()).isFalse();
		assertThat(google.has("mappers")).isFalse();
		assertThat(this.production.has("identityProviderMappers")).as("no mapper hands out roles").isFalse();
		assertThat(this.production.has("authenticationFlows"))
			.as("Keycloak's built-in flows: first broker login reviews the profile and confirms a link")
			.isFalse();
	}

	@Test
	void theIssueServiceClientOnlyDoesClientCredentialsWithManageUsers() {
		JsonNode issueService = client(this.production, "tracker-issue-service");

		assertThat(issueService.path("publicClient").asBoolean()).isFalse();
		assertThat(issueService.path("serviceAccountsEnabled").asBoolean()).isTrue();
		assertThat(issueService.path("standardFlowEnabled").asBoolean()).isFalse();
		assertThat(issueService.path("directAccessGrantsEnabled").asBoolean()).isFalse();
		assertThat(issueService.path("fullScopeAllowed").asBoolean()).isFalse();
		assertThat(strings(issueService.path("defaultClientScopes"))).doesNotContain("tracker-api");
		assertThat(issueService.path("secret").asString()).as("no usable default in production")
			.isEqualTo("${TRACKER_ISSUE_SERVICE_CLIENT_SECRET}");
		assertThat(client(this.dev, "tracker-issue-service").path("secret").asString())
			.isEqualTo("${TRACKER_ISSUE_SERVICE_CLIENT_SECRET:tracker-issue-service-dev-secret}");

		JsonNode serviceAccount = this.production.path("users").get(0);
		assertThat(this.production.path("users")).hasSize(1);
		assertThat(serviceAccount.path("serviceAccountClientId").asString()).isEqualTo("tracker-issue-service");
		assertThat(serviceAccount.path("realmRoles").isEmpty()).isTrue();
		assertThat(serviceAccount.path("groups").isMissingNode()).isTrue();
		assertThat(serviceAccount.path("clientRoles").propertyNames()).containsExactly("realm-management");
		assertThat(strings(serviceAccount.path("clientRoles").path("realm-management")))
			.containsExactly("manage-users");
		JsonNode scope = this.production.path("clientScopeMappings").path("realm-management").get(0);
		assertThat(scope.path("client").asString()).isEqualTo("tracker-issue-service");
		assertThat(strings(scope.path("roles"))).containsExactly("manage-users");
	}

	@Test
	void descriptionsFitKeycloaksDatabaseColumns() {
		for (JsonNode realm : List.of(this.production, this.dev)) {
			assertThat(realm.findValuesAsString("description")).allMatch((description) -> description.length() <= 255);
		}
	}

	@Test
	void composePassesEveryVariableTheProductionRealmReadsToKeycloak() {
		Set<String> variables = new TreeSet<>();
		Matcher placeholder = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}").matcher(this.production.toString());
		while (placeholder.find()) {
			variables.add(placeholder.group(1));
		}
		JsonNode compose = new YAMLMapper()
			.readTree(ProjectLayout.find().root().resolve("docker-compose.yml").toFile());

		assertThat(variables).containsExactlyInAnyOrder("TRACKER_PORTAL_URL", "GOOGLE_IDP_ENABLED", "GOOGLE_CLIENT_ID",
				"GOOGLE_CLIENT_SECRET", "TRACKER_ISSUE_SERVICE_CLIENT_SECRET");
		assertThat(compose.path("services").path("keycloak").path("environment").propertyNames())
			.containsAll(variables);
		assertThat(compose.path("services")
			.path("issue-service")
			.path("environment")
			.path("TRACKER_KEYCLOAK_ADMIN_CLIENT_SECRET")
			.asString())
			.isEqualTo(compose.path("services")
				.path("keycloak")
				.path("environment")
				.path("TRACKER_ISSUE_SERVICE_CLIENT_SECRET")
				.asString());
	}

}
