package dev.tracker.issues.user;

import java.util.Optional;
import java.util.Set;

/**
 * A user of the realm.
 *
 * @param id the Keycloak user id (the {@code sub} of their tokens)
 * @param name the display name
 * @param email the email address
 * @param roles the tracker roles ({@code ADMIN}, {@code MAINTAINER}, {@code REPORTER})
 * the user has, directly or through a group; normally exactly one
 */
public record DirectoryUser(String id, String name, String email, Set<String> roles) {

	public DirectoryUser {
		roles = Set.copyOf(roles);
	}

	/**
	 * Whether the user is a maintainer or an administrator, who may be assigned issues.
	 */
	public boolean isStaff() {
		return this.roles.contains(TrackerRole.ADMIN.name()) || this.roles.contains(TrackerRole.MAINTAINER.name());
	}

	/** The user's tracker role: the highest one they have, if any. */
	public Optional<TrackerRole> role() {
		return TrackerRole.highestOf(this.roles);
	}

}
