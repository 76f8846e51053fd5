package dev.tracker.devstack.test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.tracker.devstack.StackInfo;

/**
 * Access tokens from the real Keycloak of a stack, through the direct-grant client
 * {@code tracker-cli} of the dev realm. Tokens are reused for a minute (they live five).
 */
public final class KeycloakTokens {

	/** The password of the demo users. */
	public static final String DEMO_PASSWORD = "test1234";

	/** The demo administrator. */
	public static final String ADMIN = "admin@example.com";

	/** The demo maintainer. */
	public static final String MAINTAINER = "maintainer@example.com";

	/** The demo reporter. */
	public static final String REPORTER = "reporter@example.com";

	private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

	private static final Duration REUSE = Duration.ofMinutes(1);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final StackInfo info;

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	KeycloakTokens(StackInfo info) {
		this.info = info;
	}

	/** An access token for a demo user (password {@value #DEMO_PASSWORD}). */
	public String accessToken(String username) {
		return accessToken(username, DEMO_PASSWORD);
	}

	/** An access token for a user with the given password. */
	public String accessToken(String username, String password) {
		Cached cached = this.cache.get(username);
		if (cached != null && cached.fetchedAt + REUSE.toNanos() > System.nanoTime()) {
			return cached.token;
		}
		String token = fetch(username, password);
		this.cache.put(username, new Cached(token, System.nanoTime()));
		return token;
	}

	/** The token endpoint of the realm. */
	public String tokenEndpoint() {
		return this.info.issuerUri() + "/protocol/openid-connect/token";
	}

	private String fetch(String username, String password) {
		String form = Map
			.of("client_id", "tracker-cli", "grant_type", "password", "scope", "openid", "username", username,
					"password", password)
			.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest request = HttpRequest.newBuilder(URI.create(tokenEndpoint()))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			Matcher token = ACCESS_TOKEN.matcher(response.body());
			if (response.statusCode() != 200 || !token.find()) {
				throw new IllegalStateException("Keycloak refused a token for " + username + ": "
						+ response.statusCode() + " " + response.body());
			}
			return token.group(1);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Keycloak did not answer at " + tokenEndpoint(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while asking Keycloak for a token", ex);
		}
	}

	private record Cached(String token, long fetchedAt) {
	}

}
