package dev.tracker.issues.user;

import java.util.Set;

/**
 * After a role change the user still has another tracker role, granted through something
 * this service does not change (a composite role, or a parent group's roles); an
 * administrator has to fix that in Keycloak.
 */
public class RoleGrantedElsewhereException extends RuntimeException {

	public RoleGrantedElsewhereException(String id, Set<String> roles) {
		super("User " + id + " still has " + roles
				+ " through a composite role or a parent group; change that in Keycloak");
	}

}
