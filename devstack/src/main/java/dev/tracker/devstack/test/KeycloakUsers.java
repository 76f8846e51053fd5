package dev.tracker.devstack.test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tracker.devstack.StackInfo;

/**
 * Makes users in the realm of a test stack through Keycloak's admin API, so that tests
 * can act as any number of different reporters, maintainers and administrators.
 */
public final class KeycloakUsers {

	private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final StackInfo info;

	private final KeycloakTokens tokens;

	KeycloakUsers(StackInfo info, KeycloakTokens tokens) {
		this.info = info;
		this.tokens = tokens;
	}

	/**
	 * A new enabled user with a verified email, the given realm role and a random
	 * password.
	 * @param role {@code ADMIN}, {@code MAINTAINER} or {@code REPORTER}
	 */
	public TestUser create(String role) {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		String email = role.toLowerCase(java.util.Locale.ROOT) + "-" + unique + "@test.example.com";
		String password = "pw-" + UUID.randomUUID();
		String admin = adminToken();
		String user = """
				{"username": "%s", "email": "%s", "enabled": true, "emailVerified": true,
				 "firstName": "Test", "lastName": "%s %s",
				 "credentials": [{"type": "password", "value": "%s", "temporary": false}]}""".formatted(email, email,
				role, unique, password);
		HttpResponse<String> created = send(HttpRequest.newBuilder(adminUri("/users"))
			.header("Authorization", "Bearer " + admin)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(user))
			.build(), 201);
		String location = created.headers()
			.firstValue("Location")
			.orElseThrow(() -> new IllegalStateException("Keycloak created a user without a Location"));
		String id = location.substring(location.lastIndexOf('/') + 1);
		String roleRepresentation = send(HttpRequest.newBuilder(adminUri("/roles/" + role))
			.header("Authorization", "Bearer " + admin)
			.GET()
			.build(), 200).body();
		send(HttpRequest.newBuilder(adminUri("/users/" + id + "/role-mappings/realm"))
			.header("Authorization", "Bearer " + admin)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("[" + roleRepresentation + "]"))
			.build(), 204);
		return new TestUser(id, email, password, "Test " + role + " " + unique, this.tokens);
	}

	private URI adminUri(String path) {
		return URI.create(this.info.keycloakUrl() + "/admin/realms/" + StackInfo.REALM + path);
	}

	private String adminToken() {
		String form = "client_id=admin-cli&grant_type=password&username="
				+ URLEncoder.encode(StackInfo.KEYCLOAK_ADMIN, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(StackInfo.KEYCLOAK_ADMIN_PASSWORD, StandardCharsets.UTF_8);
		HttpResponse<String> response = send(HttpRequest
			.newBuilder(URI.create(this.info.keycloakUrl() + "/realms/master/protocol/openid-connect/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), 200);
		Matcher token = ACCESS_TOKEN.matcher(response.body());
		if (!token.find()) {
			throw new IllegalStateException("No admin token in " + response.body());
		}
		return token.group(1);
	}

	private HttpResponse<String> send(HttpRequest request, int expectedStatus) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != expectedStatus) {
				throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
						+ response.statusCode() + ": " + response.body());
			}
			return response;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Keycloak did not answer " + request.uri(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	/**
	 * A user made for a test.
	 *
	 * @param id the Keycloak user id (the {@code sub} of their tokens)
	 * @param email the email, also the username
	 * @param password the password
	 * @param name the display name
	 */
	public record TestUser(String id, String email, String password, String name, KeycloakTokens tokens) {

		/** An access token of this user. */
		public String accessToken() {
			return this.tokens.accessToken(this.email, this.password);
		}

	}

}
