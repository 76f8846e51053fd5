package dev.tracker.issues.user;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tracker's realm roles, highest first. Every user has exactly one of them; a new
 * account gets {@link #REPORTER}.
 */
public enum TrackerRole {

	/** Everything, including deleting issues and changing users' roles. */
	ADMIN,

	/** Sees and works on every issue; may be assigned issues. */
	MAINTAINER,

	/** Files issues and sees their own. */
	REPORTER;

	/** The names of all tracker roles. */
	public static final Set<String> NAMES = Arrays.stream(values())
		.map(Enum::name)
		.collect(Collectors.toUnmodifiableSet());

	/** Whether a realm role name is one of the tracker roles. */
	public static boolean isTrackerRole(String name) {
		return NAMES.contains(name);
	}

	/**
	 * The highest tracker role among the given role names, if any (a user should have
	 * exactly one, but an account edited by hand in Keycloak may have more).
	 */
	public static Optional<TrackerRole> highestOf(Collection<String> roleNames) {
		return Arrays.stream(values()).filter((role) -> roleNames.contains(role.name())).findFirst();
	}

}
