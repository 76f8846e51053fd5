package dev.tracker.e2e.identity;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import dev.tracker.devstack.test.KeycloakUsers.TestUser;
import dev.tracker.devstack.test.TestStack;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.tracker.e2e.identity.IdentityTestUtils.claims;
import static dev.tracker.e2e.identity.IdentityTestUtils.json;
import static dev.tracker.e2e.identity.IdentityTestUtils.strings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts and logins on the test stack's Keycloak (the dev realm, which is the
 * production realm plus tracker-cli and the demo users): self-registration through the
 * login pages, the password policy, brute-force detection and token lifetimes.
 */
class SelfRegistrationIntegrationTest {

	private static final TestStack stack = TestStack.get();

	private static String newEmail() {
		return "self-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example.com";
	}

	private static KeycloakBrowser.Page registrationPage(KeycloakBrowser browser, KeycloakBrowser.Pkce pkce) {
		KeycloakBrowser.Page page = browser.open(IdentityTestUtils.authorizationUrl("registrations", pkce, Map.of()));
		assertThat(page.status()).isEqualTo(200);
		return page;
	}

	@Test
	void aRegisteredAccountIsAReporterWhateverTheFormCarries() {
		KeycloakBrowser browser = new KeycloakBrowser(IdentityTestUtils.portalRedirectUri());
		KeycloakBrowser.Pkce pkce = KeycloakBrowser.Pkce.create();
		KeycloakBrowser.Form form = registrationPage(browser, pkce).form("kc-register-form");
		String email = newEmail();

		KeycloakBrowser.Page done = browser.submit(form,
				Map.ofEntries(Map.entry("email", email), Map.entry("firstName", "Sam"), Map.entry("lastName", "Self"),
						Map.entry("password", "a-long-passphrase"), Map.entry("password-confirm", "a-long-passphrase"),
						Map.entry("roles", "ADMIN"), Map.entry("realmRoles", "ADMIN"), Map.entry("role", "ADMIN"),
						Map.entry("groups", "/admins"), Map.entry("user.attributes.roles", "ADMIN"),
						Map.entry("roles.ADMIN", "on"), Map.entry("department", "root")));

		assertThat(done.uri().toString()).as(done.text()).startsWith(IdentityTestUtils.portalRedirectUri());
		JsonNode tokens = IdentityTestUtils.exchange(done.parameter("code").orElseThrow(), pkce);
		JsonNode access = claims(tokens.get("access_token").asString());
		assertThat(strings(access.path("roles"))).containsExactly("REPORTER");
		assertThat(access.path("aud").toString()).contains("tracker-api");
		assertThat(access.path("email").asString()).isEqualTo(email);
		assertThat(access.path("preferred_username").asString()).as("the email is the username").isEqualTo(email);

		JsonNode user = IdentityTestUtils.usersWithEmail(email).get(0);
		String id = user.get("id").asString();
		assertThat(user.path("attributes").isMissingNode() || user.path("attributes").isEmpty())
			.as("no attribute the form made up: " + user)
			.isTrue();
		assertThat(IdentityTestUtils.adminJson("/users/" + id + "/groups").findValuesAsString("path"))
			.containsExactly("/reporters");
		assertThat(IdentityTestUtils.adminJson("/users/" + id + "/role-mappings/realm/composite")
			.findValuesAsString("name")).contains("REPORTER").doesNotContain("ADMIN", "MAINTAINER");
	}

	@Test
	void registrationRefusesAShortPasswordAndOneThatIsTheEmail() {
		for (String password : new String[] { "short1", null }) {
			KeycloakBrowser browser = new KeycloakBrowser(IdentityTestUtils.portalRedirectUri());
			KeycloakBrowser.Form form = registrationPage(browser, KeycloakBrowser.Pkce.create())
				.form("kc-register-form");
			String email = newEmail();
			String chosen = (password != null) ? password : email;

			KeycloakBrowser.Page page = browser.submit(form, Map.of("email", email, "firstName", "Pat", "lastName",
					"Weak", "password", chosen, "password-confirm", chosen));

			assertThat(page.status()).as(chosen).isEqualTo(200);
			assertThat(page.form("kc-register-form")).isNotNull();
			assertThat(page.text()).containsAnyOf("Invalid password", "invalid password");
			assertThat(IdentityTestUtils.usersWithEmail(email)).as(chosen).isEmpty();
		}
	}

	@Test
	void repeatedWrongPasswordsLockTheAccountForAWhile() {
		TestUser user = stack.users().create("REPORTER");
		for (int attempt = 0; attempt < 5; attempt++) {
			assertThat(IdentityTestUtils.passwordGrant(user.email(), "wrong-" + attempt).statusCode()).isEqualTo(401);
		}

		HttpResponse<String> rightPassword = IdentityTestUtils.passwordGrant(user.email(), user.password());

		assertThat(rightPassword.statusCode()).as(rightPassword.body()).isNotEqualTo(200);
		JsonNode status = IdentityTestUtils.adminJson("/attack-detection/brute-force/users/" + user.id());
		assertThat(status.path("disabled").asBoolean()).as(status.toString()).isTrue();
		IdentityTestUtils.admin("DELETE", "/attack-detection/brute-force/users/" + user.id(), null);
		assertThat(IdentityTestUtils.passwordGrant(user.email(), user.password()).statusCode()).isEqualTo(200);
	}

	@Test
	void accessTokensLiveMinutesAndARefreshTokenWorksOnce() {
		TestUser user = stack.users().create("REPORTER");
		JsonNode first = json.readTree(IdentityTestUtils.passwordGrant(user.email(), user.password()).body());
		assertThat(first.path("expires_in").asInt()).isBetween(60, 300);
		Map<String, String> refresh = Map.of("client_id", "tracker-cli", "grant_type", "refresh_token", "refresh_token",
				first.path("refresh_token").asString());

		HttpResponse<String> rotated = IdentityTestUtils.token(refresh);
		HttpResponse<String> reused = IdentityTestUtils.token(refresh);

		assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
		assertThat(json.readTree(rotated.body()).path("refresh_token").asString())
			.isNotEqualTo(first.path("refresh_token").asString());
		assertThat(reused.statusCode()).as("a refresh token is good for one use").isEqualTo(400);
		assertThat(reused.body()).contains("invalid_grant");
	}

	@Test
	void theLoginPageWorksAndHasNoGoogleButtonWhileGoogleIsNotConfigured() {
		KeycloakBrowser browser = new KeycloakBrowser(IdentityTestUtils.portalRedirectUri());

		KeycloakBrowser.Page login = browser
			.open(IdentityTestUtils.authorizationUrl("auth", KeycloakBrowser.Pkce.create(), Map.of()));
		KeycloakBrowser.Page hinted = browser.open(IdentityTestUtils.authorizationUrl("auth",
				KeycloakBrowser.Pkce.create(), Map.of("kc_idp_hint", "google")));

		assertThat(login.status()).isEqualTo(200);
		assertThat(login.form("kc-form-login").fields()).containsKeys("username", "password");
		assertThat(login.html()).doesNotContain("social-google").contains("registration");
		assertThat(hinted.status()).as("a hint for the disabled provider falls back to the login page").isEqualTo(200);
		assertThat(hinted.form("kc-form-login")).isNotNull();
		assertThat(IdentityTestUtils.adminJson("/identity-provider/instances/google").path("enabled").asBoolean())
			.isFalse();
	}

	@Test
	void thePortalMayOnlyRedirectToItsOwnPageAndSwaggerUi() {
		String portal = stack.info().portalUrl();
		Map<String, Integer> expected = Map.of(portal + "/", 200, portal + "/api/swagger-ui/oauth2-redirect.html", 200,
				portal + "/evil", 400, portal + "/api/swagger-ui/oauth2-redirect.html?next=x", 400,
				"http://evil.example.com/", 400);

		expected.forEach((redirectUri, status) -> {
			KeycloakBrowser.Page page = new KeycloakBrowser(IdentityTestUtils.portalRedirectUri())
				.open(IdentityTestUtils.authorizationUrl("auth", KeycloakBrowser.Pkce.create(),
						Map.of("redirect_uri", redirectUri)));
			assertThat(page.status()).as(redirectUri).isEqualTo(status);
		});
	}

	@Test
	void aDemoUserLogsInThroughThePortalsCodeFlow() {
		KeycloakBrowser browser = new KeycloakBrowser(IdentityTestUtils.portalRedirectUri());
		KeycloakBrowser.Pkce pkce = KeycloakBrowser.Pkce.create();
		KeycloakBrowser.Form login = browser.open(IdentityTestUtils.authorizationUrl("auth", pkce, Map.of()))
			.form("kc-form-login");

		KeycloakBrowser.Page done = browser.submit(login,
				Map.of("username", "maintainer@example.com", "password", "test1234"));

		JsonNode access = claims(
				IdentityTestUtils.exchange(done.parameter("code").orElseThrow(), pkce).get("access_token").asString());
		assertThat(strings(access.path("roles"))).containsExactly("MAINTAINER");
	}

}
