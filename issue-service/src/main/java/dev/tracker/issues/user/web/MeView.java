package dev.tracker.issues.user.web;

import java.util.List;

import dev.tracker.issues.security.Caller;

/**
 * The caller, as their token names them.
 *
 * @param id the Keycloak user id
 * @param name the display name
 * @param email the email address
 * @param roles the tracker roles the token carries
 */
record MeView(String id, String name, String email, List<String> roles) {

	static MeView of(Caller caller) {
		return new MeView(caller.id(), caller.name(), caller.email(), caller.roles().stream().sorted().toList());
	}

}
