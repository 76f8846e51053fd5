package dev.tracker.issues.user;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.tracker.devstack.StackInfo;
import dev.tracker.devstack.test.TestStack;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fixtures of the user tests: the dev realm's service-account client, fresh tokens (never
 * cached, so a role change shows at once) and Keycloak's admin API as the master realm's
 * administrator, to arrange and check what the tests need.
 */
public final class UserTestUtils {

	/** The dev realm's secret of the issue-service client. */
	public static final String DEV_CLIENT_SECRET = "tracker-issue-service-dev-secret";

	/** The confidential client whose service account the service uses. */
	public static final String CLIENT_ID = "tracker-issue-service";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private UserTestUtils() {
	}

	/** The admin API client the service would build against the test stack. */
	static KeycloakAdmin keycloakAdmin(Clock clock) {
		return new KeycloakAdmin(TestStack.get().info().keycloakUrl(), StackInfo.REALM, CLIENT_ID, DEV_CLIENT_SECRET,
				Duration.ofSeconds(2), Duration.ofSeconds(10), clock);
	}

	/** Properties with every default, as the service binds them without configuration. */
	static KeycloakAdminProperties defaultProperties() {
		return new KeycloakAdminProperties("", "", CLIENT_ID, DEV_CLIENT_SECRET, Duration.ofSeconds(2),
				Duration.ofSeconds(5), Duration.ofSeconds(30), 1000);
	}

	/** The claims of a JWT, unverified. */
	public static JsonNode claims(String jwt) {
		return json.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
	}

	/** The {@code roles} claim of a new access token of the user (never a cached one). */
	public static List<String> freshRoles(String username, String password) {
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(URI.create(TestStack.get().tokens().tokenEndpoint()))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(form(Map.of("client_id", "tracker-cli", "grant_type", "password", "username", username,
							"password", password)))
					.build());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("No token for " + username + ": " + response.body());
		}
		List<String> roles = new ArrayList<>();
		claims(json.readTree(response.body()).get("access_token").asString()).path("roles")
			.forEach((role) -> roles.add(role.asString()));
		return roles;
	}

	/** A token of the service account, by client credentials with the given secret. */
	public static HttpResponse<String> serviceAccountToken(String secret) {
		return send(HttpRequest.newBuilder(URI.create(TestStack.get().tokens().tokenEndpoint()))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(form(Map.of("client_id", CLIENT_ID, "grant_type", "client_credentials", "client_secret", secret)))
			.build());
	}

	/** An access token of the master realm's administrator (everything allowed). */
	public static String masterAdminToken() {
		HttpResponse<String> response = send(HttpRequest
			.newBuilder(
					URI.create(TestStack.get().info().keycloakUrl() + "/realms/master/protocol/openid-connect/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(form(Map.of("client_id", "admin-cli", "grant_type", "password", "username", StackInfo.KEYCLOAK_ADMIN,
					"password", StackInfo.KEYCLOAK_ADMIN_PASSWORD)))
			.build());
		return json.readTree(response.body()).get("access_token").asString();
	}

	/**
	 * Calls the tracker realm's admin API ({@code /admin/realms/tracker} + path) with a
	 * token; the body is JSON or {@code null}.
	 */
	public static HttpResponse<String> admin(String token, String method, String path, String body) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create(TestStack.get().info().keycloakUrl() + "/admin/realms/" + StackInfo.REALM + path))
			.header("Authorization", "Bearer " + token)
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

	/** The JSON body of an admin API answer that must be {@code 200}. */
	public static JsonNode adminJson(String token, String path) {
		HttpResponse<String> response = admin(token, "GET", path, null);
		if (response.statusCode() != 200) {
			throw new IllegalStateException(
					"GET " + path + " answered " + response.statusCode() + ": " + response.body());
		}
		return json.readTree(response.body());
	}

	/** The names of the realm roles a user has in effect (direct, composite, groups). */
	public static List<String> effectiveRoles(String userId) {
		List<String> names = new ArrayList<>();
		adminJson(masterAdminToken(), "/users/" + userId + "/role-mappings/realm/composite")
			.forEach((role) -> names.add(role.get("name").asString()));
		return names;
	}

	/** The paths of the groups a user is a member of. */
	public static List<String> groupsOf(String userId) {
		List<String> paths = new ArrayList<>();
		adminJson(masterAdminToken(), "/users/" + userId + "/groups")
			.forEach((group) -> paths.add(group.get("path").asString()));
		return paths;
	}

	private static HttpRequest.BodyPublisher form(Map<String, String> fields) {
		return HttpRequest.BodyPublishers.ofString(fields.entrySet()
			.stream()
			.map((field) -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&")));
	}

	private static HttpResponse<String> send(HttpRequest request) {
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
