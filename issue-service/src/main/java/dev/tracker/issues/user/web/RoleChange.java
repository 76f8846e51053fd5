package dev.tracker.issues.user.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * The body of a role change.
 *
 * @param role the user's new (and only) tracker role
 */
record RoleChange(@NotNull(message = "must be ADMIN, MAINTAINER or REPORTER") @Pattern(
		regexp = "ADMIN|MAINTAINER|REPORTER", message = "must be ADMIN, MAINTAINER or REPORTER") String role) {
}
