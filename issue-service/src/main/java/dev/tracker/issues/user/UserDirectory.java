package dev.tracker.issues.user;

import java.util.Optional;

/**
 * The people of the realm, as Keycloak knows them. Answers come from a short-lived cache
 * (see {@code tracker.keycloak.admin.cache-ttl}), so a role change made elsewhere shows
 * within seconds.
 */
public interface UserDirectory {

	/**
	 * The user with this Keycloak id, if there is one.
	 * @throws UserDirectoryUnavailableException if Keycloak cannot be asked
	 */
	Optional<DirectoryUser> findById(String id);

}
