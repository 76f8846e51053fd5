package dev.tracker.issues.user;

/** Keycloak has no user with the given id. */
public class UnknownUserException extends RuntimeException {

	public UnknownUserException(String id) {
		super("No user " + id);
	}

}
