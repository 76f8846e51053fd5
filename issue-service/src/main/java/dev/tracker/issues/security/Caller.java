package dev.tracker.issues.security;

import java.util.Set;
import java.util.stream.Collectors;

import dev.tracker.events.Actor;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The person calling, as their token names them: Keycloak subject, display name, email
 * and tracker roles.
 *
 * @param id the Keycloak user id
 * @param name the display name
 * @param email the email address
 * @param roles the tracker roles ({@code ADMIN}, {@code MAINTAINER}, {@code REPORTER})
 */
public record Caller(String id, String name, String email, Set<String> roles) {

	/** The caller of a request authenticated with a bearer token. */
	public static Caller of(JwtAuthenticationToken authentication) {
		var jwt = authentication.getToken();
		String name = jwt.getClaimAsString("name");
		if (name == null || name.isBlank()) {
			name = jwt.getClaimAsString("preferred_username");
		}
		Set<String> roles = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority.startsWith("ROLE_"))
			.map((authority) -> authority.substring("ROLE_".length()))
			.collect(Collectors.toUnmodifiableSet());
		return new Caller(jwt.getSubject(), name, jwt.getClaimAsString("email"), roles);
	}

	/**
	 * Whether the caller is a maintainer or an administrator, who see and triage every
	 * issue.
	 */
	public boolean isStaff() {
		return this.roles.contains("ADMIN") || this.roles.contains("MAINTAINER");
	}

	/** Whether the caller is an administrator. */
	public boolean isAdmin() {
		return this.roles.contains("ADMIN");
	}

	/** The caller as an actor of events. */
	public Actor toActor() {
		return new Actor(this.id, this.name, this.email);
	}

}
