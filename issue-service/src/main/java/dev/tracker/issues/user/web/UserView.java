package dev.tracker.issues.user.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tracker.issues.user.DirectoryUser;
import dev.tracker.issues.user.TrackerRole;
import dev.tracker.issues.user.UserSummary;

/**
 * A user as the API shows them: the tracker role only to administrators.
 *
 * @param id the Keycloak user id
 * @param name the display name
 * @param email the email address
 * @param role the tracker role (administrators only; absent otherwise)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record UserView(String id, String name, String email, TrackerRole role) {

	static UserView of(UserSummary user) {
		return new UserView(user.id(), user.name(), user.email(), null);
	}

	static UserView withRole(DirectoryUser user) {
		return new UserView(user.id(), user.name(), user.email(), user.role().orElse(null));
	}

}
