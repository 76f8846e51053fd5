package dev.tracker.e2e.identity;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tracker.devstack.test.KeycloakUsers.TestUser;
import dev.tracker.devstack.test.TestStack;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static dev.tracker.e2e.identity.IdentityTestUtils.claims;
import static dev.tracker.e2e.identity.IdentityTestUtils.json;
import static dev.tracker.e2e.identity.IdentityTestUtils.strings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Login with Google, brokered by Keycloak, on the test stack. Google cannot be reached
 * from a test, so an OpenID Connect provider runs in-process (mock-oauth2-server) and is
 * registered next to the realm's {@code google} provider as a copy of it: every setting
 * and mapper of the {@code google} provider as Keycloak imported it (trust of the email,
 * first-login flow, sync mode, scopes) with only the alias, the endpoints and the client
 * credentials changed. It has to be of type {@code oidc}: Keycloak's {@code google} type
 * has Google's URLs built in. The provider signs in whoever the test enqueued, without a
 * login page of its own.
 */
class GoogleBrokerIntegrationTest {

	private static final String ALIAS = "google-stand-in";

	private static final String ISSUER_ID = "google";

	private static final String CLIENT_ID = "tracker-keycloak";

	private static final TestStack stack = TestStack.get();

	private static MockOAuth2Server google;

	@BeforeAll
	static void registerTheStandIn() {
		google = new MockOAuth2Server();
		google.start();
		JsonNode real = IdentityTestUtils.adminJson("/identity-provider/instances/google");
		ObjectNode standIn = (ObjectNode) real.deepCopy();
		standIn.remove("internalId");
		standIn.put("alias", ALIAS);
		standIn.put("providerId", "oidc");
		standIn.put("enabled", true);
		ObjectNode config = (ObjectNode) standIn.get("config");
		config.put("clientId", CLIENT_ID);
		config.put("clientSecret", "stand-in-secret");
		config.put("clientAuthMethod", "client_secret_post");
		config.put("issuer", google.issuerUrl(ISSUER_ID).toString());
		config.put("authorizationUrl", google.authorizationEndpointUrl(ISSUER_ID).toString());
		config.put("tokenUrl", google.tokenEndpointUrl(ISSUER_ID).toString());
		config.put("userInfoUrl", google.userInfoUrl(ISSUER_ID).toString());
		config.put("jwksUrl", google.jwksUrl(ISSUER_ID).toString());
		config.put("useJwksUrl", "true");
		config.put("validateSignature", "true");
		HttpResponse<String> created = IdentityTestUtils.admin("POST", "/identity-provider/instances",
				standIn.toString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		for (JsonNode mapper : IdentityTestUtils.adminJson("/identity-provider/instances/google/mappers")) {
			ObjectNode copy = (ObjectNode) mapper.deepCopy();
			copy.remove("id");
			copy.put("identityProviderAlias", ALIAS);
			IdentityTestUtils.admin("POST", "/identity-provider/instances/" + ALIAS + "/mappers", copy.toString());
		}
	}

	@AfterAll
	static void removeTheStandIn() {
		IdentityTestUtils.admin("DELETE", "/identity-provider/instances/" + ALIAS, null);
		google.shutdown();
	}

	/** The next login at the stand-in signs in this Google account. */
	private static void nextGoogleAccount(String subject, Map<String, Object> claims) {
		google.enqueueCallback(
				new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", List.of(CLIENT_ID), claims, 3600));
	}

	/**
	 * Starts the portal's login, straight to the stand-in (as the Google button does).
	 */
	private static KeycloakBrowser.Page loginWithGoogle(KeycloakBrowser browser, KeycloakBrowser.Pkce pkce) {
		return browser.open(IdentityTestUtils.authorizationUrl("auth", pkce, Map.of("kc_idp_hint", ALIAS)));
	}

	private static String newEmail() {
		return "google-" + UUID.randomUUID().toString().substring(0, 8) + "@gmail.test.example.com";
	}

	@Test
	void theStandInIsConfiguredLikeTheRealmsGoogleProvider() {
		JsonNode real = IdentityTestUtils.adminJson("/identity-provider/instances/google");
		JsonNode standIn = IdentityTestUtils.adminJson("/identity-provider/instances/" + ALIAS);

		for (String setting : List.of("trustEmail", "firstBrokerLoginFlowAlias", "storeToken", "linkOnly",
				"addReadTokenRoleOnCreate", "hideOnLogin")) {
			assertThat(standIn.path(setting)).as(setting).isEqualTo(real.path(setting));
		}
		for (String setting : List.of("syncMode", "defaultScope")) {
			assertThat(standIn.path("config").path(setting)).as(setting).isEqualTo(real.path("config").path(setting));
		}
		assertThat(real.path("trustEmail").asBoolean()).isFalse();
		assertThat(real.path("firstBrokerLoginFlowAlias").asString()).isEqualTo("first broker login");
	}

	@Test
	void aFirstGoogleLoginCreatesAnAccountThatIsAReporterAndNothingElse() {
		String email = newEmail();
		nextGoogleAccount("google-" + UUID.randomUUID(), Map.of("email", email, "email_verified", true, "given_name",
				"Gina", "family_name", "Google", "name", "Gina Google", "roles", List.of("ADMIN")));
		KeycloakBrowser browser = new KeycloakBrowser(IdentityTestUtils.portalRedirectUri());
		KeycloakBrowser.Pkce pkce = KeycloakBrowser.Pkce.create();

		KeycloakBrowser.Page done = loginWithGoogle(browser, pkce);

		assertThat(done.uri().toString()).as(done.text()).startsWith(IdentityTestUtils.portalRedirectUri());
		JsonNode access = claims(
				IdentityTestUtils.exchange(done.parameter("code").orElseThrow(), pkce).get("access_token").asString());
		assertThat(strings(access.path("roles"))).containsExactly("REPORTER");
		assertThat(access.path("email").asString()).isEqualTo(email);
		assertThat(access.path("name").asString()).isEqualTo("Gina Google");
		assertThat(access.path("email_verified").asBoolean()).as("Google's word is not trusted").isFalse();

		String id = access.path("sub").asString();
		assertThat(IdentityTestUtils.adminJson("/users/" + id + "/federated-identity")
			.findValuesAsString("identityProvider")).containsExactly(ALIAS);
		assertThat(IdentityTestUtils.adminJson("/users/" + id + "/groups").findValuesAsString("path"))
			.containsExactly("/reporters");
	}

	@Test
	void reviewProfileAsksForWhatGoogleLeftOutAndGrantsNothingExtra() {
		String email = newEmail();
		nextGoogleAccount("google-" + UUID.randomUUID(), Map.of("email", email));
		KeycloakBrowser browser = new KeycloakBrowser(IdentityTestUtils.portalRedirectUri());
		KeycloakBrowser.Pkce pkce = KeycloakBrowser.Pkce.create();

		KeycloakBrowser.Page review = loginWithGoogle(browser, pkce);
		KeycloakBrowser.Form form = review.form("kc-idp-review-profile-form");
		assertThat(form.fields()).containsEntry("email", email).containsKeys("firstName", "lastName");
		KeycloakBrowser.Page done = browser.submit(form, Map.of("firstName", "Nameless", "lastName", "Google", "roles",
				"ADMIN", "realmRoles", "ADMIN", "department", "root"));

		assertThat(done.uri().toString()).as(done.text()).startsWith(IdentityTestUtils.portalRedirectUri());
		JsonNode access = claims(
				IdentityTestUtils.exchange(done.parameter("code").orElseThrow(), pkce).get("access_token").asString());
		assertThat(strings(access.path("roles"))).containsExactly("REPORTER");
		assertThat(access.path("name").asString()).isEqualTo("Nameless Google");
		JsonNode user = IdentityTestUtils.adminJson("/users/" + access.path("sub").asString());
		assertThat(user.path("attributes").isMissingNode() || user.path("attributes").isEmpty()).as(user.toString())
			.isTrue();
	}

	@Test
	void aGoogleLoginWithTheEmailOfAnExistingAccountAsksBeforeLinking() {
		TestUser existing = stack.users().create("MAINTAINER");
		nextGoogleAccount("google-" + UUID.randomUUID(), Map.of("email", existing.email(), "email_verified", true,
				"given_name", "Someone", "family_name", "Else"));
		KeycloakBrowser browser = new KeycloakBrowser(IdentityTestUtils.portalRedirectUri());

		KeycloakBrowser.Page confirm = loginWithGoogle(browser, KeycloakBrowser.Pkce.create());

		assertThat(confirm.status()).isEqualTo(200);
		assertThat(confirm.parameter("code")).isEmpty();
		assertThat(confirm.text()).contains("Account already exists").contains(existing.email());
		assertThat(confirm.forms().get(0).buttons()).contains("submitAction=linkAccount", "submitAction=updateProfile");
		assertThat(IdentityTestUtils.adminJson("/users/" + existing.id() + "/federated-identity")).isEmpty();
		assertThat(IdentityTestUtils.usersWithEmail(existing.email())).hasSize(1);
	}

	@Test
	void linkingAnExistingAccountStillNeedsItsPassword() {
		TestUser existing = stack.users().create("REPORTER");
		nextGoogleAccount("google-" + UUID.randomUUID(),
				Map.of("email", existing.email(), "email_verified", true, "given_name", "Some", "family_name", "One"));
		KeycloakBrowser browser = new KeycloakBrowser(IdentityTestUtils.portalRedirectUri());
		KeycloakBrowser.Page confirm = loginWithGoogle(browser, KeycloakBrowser.Pkce.create());

		KeycloakBrowser.Page next = browser.submit(confirm.forms().get(0), Map.of("submitAction", "linkAccount"));

		assertThat(next.parameter("code")).as("no login without proving the account is theirs").isEmpty();
		assertThat(next.status()).isEqualTo(200);
		assertThat(json.valueToTree(next.forms().stream().flatMap((form) -> form.fields().keySet().stream()).toList())
			.toString()).contains("password");
		assertThat(IdentityTestUtils.adminJson("/users/" + existing.id() + "/federated-identity")).isEmpty();
	}

}
