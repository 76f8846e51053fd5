package dev.tracker.issues.user;

/** Keycloak's admin API did not answer, or refused the service account. */
public class UserDirectoryUnavailableException extends RuntimeException {

	public UserDirectoryUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
