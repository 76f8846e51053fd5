package dev.tracker.e2e.identity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tracker.devstack.ProjectLayout;
import dev.tracker.devstack.StackInfo;
import dev.tracker.devstack.test.TestStack;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fixtures of the identity tests: the realm files, the test stack's Keycloak as the
 * portal and scripts use it (authorization code with PKCE, direct grants of the dev
 * realm's {@code tracker-cli}), and its admin API as the master realm's administrator.
 */
final class IdentityTestUtils {

	static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private IdentityTestUtils() {
	}

	/** A realm file of {@code auth/}, e.g. {@code tracker-realm.json}. */
	static JsonNode realmFile(String path) {
		return json.readTree(authDirectory().resolve(path).toFile());
	}

	/** The {@code auth/} folder of the checkout. */
	static Path authDirectory() {
		return ProjectLayout.find().root().resolve("auth");
	}

	/** The client with this id in a realm file, or a missing node. */
	static JsonNode client(JsonNode realm, String clientId) {
		for (JsonNode client : realm.path("clients")) {
			if (client.path("clientId").asString().equals(clientId)) {
				return client;
			}
		}
		return json.missingNode();
	}

	/** The string values of a JSON array. */
	static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((value) -> values.add(value.asString()));
		return values;
	}

	/** The realm's issuer on the test stack. */
	static String issuer() {
		return TestStack.get().info().issuerUri();
	}

	/** The portal's redirect URI on the test stack. */
	static String portalRedirectUri() {
		return TestStack.get().info().portalUrl() + "/";
	}

	/**
	 * The start of the portal's login: an authorization request with PKCE, with extra
	 * parameters such as {@code kc_idp_hint}.
	 * @param endpoint {@code auth}, or {@code registrations} for the registration page
	 */
	static String authorizationUrl(String endpoint, KeycloakBrowser.Pkce pkce, Map<String, String> extra) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("client_id", "tracker-portal");
		parameters.put("redirect_uri", portalRedirectUri());
		parameters.put("response_type", "code");
		parameters.put("scope", "openid");
		parameters.put("state", KeycloakBrowser.randomToken());
		parameters.put("nonce", KeycloakBrowser.randomToken());
		parameters.put("code_challenge", pkce.challenge());
		parameters.put("code_challenge_method", "S256");
		parameters.putAll(extra);
		return issuer() + "/protocol/openid-connect/" + endpoint + "?" + KeycloakBrowser.encode(parameters);
	}

	/** The portal's code exchange: the token response for a code and its verifier. */
	static JsonNode exchange(String code, KeycloakBrowser.Pkce pkce) {
		HttpResponse<String> response = token(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri",
				portalRedirectUri(), "client_id", "tracker-portal", "code_verifier", pkce.verifier()));
		if (response.statusCode() != 200) {
			throw new AssertionError("Code exchange failed: " + response.statusCode() + " " + response.body());
		}
		return json.readTree(response.body());
	}

	/** A request to the realm's token endpoint. */
	static HttpResponse<String> token(Map<String, String> form) {
		return send(HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(KeycloakBrowser.encode(form)))
			.build());
	}

	/** A direct grant of the dev realm's {@code tracker-cli} client. */
	static HttpResponse<String> passwordGrant(String username, String password) {
		return token(Map.of("client_id", "tracker-cli", "grant_type", "password", "username", username, "password",
				password));
	}

	/** The claims of a JWT, unverified. */
	static JsonNode claims(String jwt) {
		return json.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
	}

	/** An access token of the master realm's administrator. */
	static String masterAdminToken() {
		HttpResponse<String> response = send(HttpRequest
			.newBuilder(
					URI.create(TestStack.get().info().keycloakUrl() + "/realms/master/protocol/openid-connect/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString(KeycloakBrowser.encode(Map.of("client_id", "admin-cli", "grant_type", "password", "username",
						StackInfo.KEYCLOAK_ADMIN, "password", StackInfo.KEYCLOAK_ADMIN_PASSWORD))))
			.build());
		return json.readTree(response.body()).get("access_token").asString();
	}

	/** A call of the tracker realm's admin API as the master realm's administrator. */
	static HttpResponse<String> admin(String method, String path, String body) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create(TestStack.get().info().keycloakUrl() + "/admin/realms/" + StackInfo.REALM + path))
			.header("Authorization", "Bearer " + masterAdminToken())
			.timeout(Duration.ofSeconds(30));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		return send(
				request
					.method(method,
							(body != null) ? HttpRequest.BodyPublishers.ofString(body)
									: HttpRequest.BodyPublishers.noBody())
					.build());
	}

	/** The JSON answer of a {@code GET} of the admin API, which must succeed. */
	static JsonNode adminJson(String path) {
		HttpResponse<String> response = admin("GET", path, null);
		if (response.statusCode() != 200) {
			throw new AssertionError("GET " + path + ": " + response.statusCode() + " " + response.body());
		}
		return json.readTree(response.body());
	}

	/** The users of the realm with exactly this email. */
	static JsonNode usersWithEmail(String email) {
		return adminJson("/users?exact=true&email="
				+ java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8));
	}

	static HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(request.uri() + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

}
