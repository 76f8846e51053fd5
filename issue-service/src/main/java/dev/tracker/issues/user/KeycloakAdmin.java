package dev.tracker.issues.user;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.DefaultUriBuilderFactory;

/**
 * Keycloak's admin API for one realm, called as the service account of a confidential
 * client (client credentials grant). Its access token is reused until shortly before it
 * expires. Only the calls this service needs, each answering Keycloak's own
 * representations.
 */
class KeycloakAdmin {

	private static final ParameterizedTypeReference<List<KeycloakUser>> USERS = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<KeycloakRole>> ROLES = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<KeycloakGroup>> GROUPS = new ParameterizedTypeReference<>() {
	};

	/** A token is renewed this long before Keycloak says it expires. */
	private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(30);

	private final RestClient rest;

	private final String tokenUri;

	private final String realmUri;

	private final String clientId;

	private final String clientSecret;

	private final Clock clock;

	private String token;

	private Instant renewAt = Instant.MIN;

	KeycloakAdmin(String baseUrl, String realm, String clientId, String clientSecret, Duration connectTimeout,
			Duration readTimeout, Clock clock) {
		String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.tokenUri = base + "/realms/" + realm + "/protocol/openid-connect/token";
		this.realmUri = base + "/admin/realms/" + realm;
		this.clientId = clientId;
		this.clientSecret = clientSecret;
		this.clock = clock;
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(connectTimeout).build());
		requests.setReadTimeout(readTimeout);
		// Every URI variable is encoded whole: an id can never add a path segment.
		DefaultUriBuilderFactory uris = new DefaultUriBuilderFactory();
		uris.setEncodingMode(DefaultUriBuilderFactory.EncodingMode.VALUES_ONLY);
		this.rest = RestClient.builder().requestFactory(requests).uriBuilderFactory(uris).build();
	}

	/** The user with this id, if Keycloak has one. */
	Optional<KeycloakUser> user(String id) {
		try {
			return Optional.ofNullable(call((token) -> get(token, "/users/{id}", id).body(KeycloakUser.class)));
		}
		catch (NotFound ex) {
			return Optional.empty();
		}
	}

	/**
	 * Enabled users whose username, email, first or last name contain the query (all
	 * users for an empty one), at most {@code max}.
	 */
	List<KeycloakUser> search(String query, int max) {
		// Keycloak reads * and " as wildcards and quotes; the query is plain text.
		String text = query.replace("*", "").replace("\"", "").strip();
		if (text.isEmpty()) {
			return call((token) -> get(token, "/users?enabled=true&briefRepresentation=true&first=0&max={max}", max)
				.body(USERS));
		}
		return call(
				(token) -> get(token, "/users?search={search}&enabled=true&briefRepresentation=true&first=0&max={max}",
						"*" + text + "*", max)
					.body(USERS));
	}

	/** The realm roles mapped to the user directly. */
	List<KeycloakRole> realmRoles(String userId) {
		return call((token) -> get(token, "/users/{id}/role-mappings/realm", userId).body(ROLES));
	}

	/**
	 * Every realm role the user has: direct, through composite roles and through groups.
	 */
	List<KeycloakRole> effectiveRealmRoles(String userId) {
		return call((token) -> get(token, "/users/{id}/role-mappings/realm/composite", userId).body(ROLES));
	}

	/** The realm roles the user does not have yet (with the ids a mapping needs). */
	List<KeycloakRole> availableRealmRoles(String userId) {
		return call((token) -> get(token, "/users/{id}/role-mappings/realm/available", userId).body(ROLES));
	}

	/** Maps realm roles to the user directly. */
	void addRealmRoles(String userId, List<KeycloakRole> roles) {
		call((token) -> send(token, HttpMethod.POST, "/users/{id}/role-mappings/realm", roles, userId));
	}

	/** Removes direct mappings of realm roles from the user. */
	void removeRealmRoles(String userId, List<KeycloakRole> roles) {
		call((token) -> send(token, HttpMethod.DELETE, "/users/{id}/role-mappings/realm", roles, userId));
	}

	/** The groups the user is a member of. */
	List<KeycloakGroup> groups(String userId) {
		return call((token) -> get(token, "/users/{id}/groups", userId).body(GROUPS));
	}

	/** Every realm role a group gives its members. */
	List<KeycloakRole> groupRealmRoles(String groupId) {
		return call((token) -> get(token, "/groups/{id}/role-mappings/realm/composite", groupId).body(ROLES));
	}

	/** Takes the user out of a group. */
	void leaveGroup(String userId, String groupId) {
		call((token) -> this.rest.delete()
			.uri(this.realmUri + "/users/{id}/groups/{group}", userId, groupId)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.retrieve()
			.toBodilessEntity());
	}

	private RestClient.ResponseSpec get(String token, String path, Object... variables) {
		return this.rest.get()
			.uri(this.realmUri + path, variables)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.accept(MediaType.APPLICATION_JSON)
			.retrieve();
	}

	private Object send(String token, HttpMethod method, String path, Object body, Object... variables) {
		return this.rest.method(method)
			.uri(this.realmUri + path, variables)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toBodilessEntity();
	}

	/**
	 * Calls the admin API with the service account's token, once more with a new token if
	 * Keycloak no longer takes the old one. A 404 becomes {@link NotFound}, anything else
	 * that fails {@link UserDirectoryUnavailableException}.
	 */
	private <T> T call(Function<String, T> request) {
		try {
			try {
				return request.apply(accessToken());
			}
			catch (HttpClientErrorException.Unauthorized ex) {
				forgetToken();
				return request.apply(accessToken());
			}
		}
		catch (HttpClientErrorException.NotFound ex) {
			throw new NotFound(ex);
		}
		catch (RestClientException ex) {
			throw new UserDirectoryUnavailableException("Keycloak's admin API failed: " + ex.getMessage(), ex);
		}
	}

	/** The service account's current access token, if one was fetched (for tests). */
	synchronized String currentToken() {
		return this.token;
	}

	private synchronized void forgetToken() {
		this.token = null;
		this.renewAt = Instant.MIN;
	}

	private synchronized String accessToken() {
		Instant now = this.clock.instant();
		if (this.token != null && now.isBefore(this.renewAt)) {
			return this.token;
		}
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("grant_type", "client_credentials");
		form.add("client_id", this.clientId);
		form.add("client_secret", this.clientSecret);
		TokenResponse response;
		try {
			response = this.rest.post()
				.uri(this.tokenUri)
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body(form)
				.retrieve()
				.body(TokenResponse.class);
		}
		catch (RestClientException ex) {
			throw new UserDirectoryUnavailableException("Keycloak gave the client " + this.clientId
					+ " no token (is its secret the one Keycloak has?): " + ex.getMessage(), ex);
		}
		if (response == null || response.accessToken() == null) {
			throw new UserDirectoryUnavailableException("Keycloak answered no access token for " + this.clientId, null);
		}
		this.token = response.accessToken();
		this.renewAt = now.plusSeconds(response.expiresIn()).minus(RENEW_BEFORE_EXPIRY);
		return this.token;
	}

	/** Keycloak answered 404: the user (or group) does not exist (any more). */
	static final class NotFound extends RuntimeException {

		NotFound(Throwable cause) {
			super(cause.getMessage(), cause);
		}

	}

	/** Keycloak's user representation, the parts this service reads. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record KeycloakUser(String id, String username, String email, String firstName, String lastName) {

		/** First and last name, or the username when there is neither. */
		String displayName() {
			String name = ((this.firstName != null) ? this.firstName : "") + " "
					+ ((this.lastName != null) ? this.lastName : "");
			return name.isBlank() ? this.username : name.strip();
		}

	}

	/** Keycloak's role representation; id and name are what a mapping needs. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record KeycloakRole(String id, String name) {
	}

	/** Keycloak's group representation. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record KeycloakGroup(String id, String name, String path) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record TokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("expires_in") long expiresIn) {
	}

}
