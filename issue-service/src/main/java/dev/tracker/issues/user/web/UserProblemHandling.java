package dev.tracker.issues.user.web;

import java.net.URI;

import dev.tracker.issues.user.OwnAdminRoleException;
import dev.tracker.issues.user.RoleGrantedElsewhereException;
import dev.tracker.issues.user.UnknownUserException;
import dev.tracker.issues.user.UserDirectoryUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The problems of the user API, each with a stable {@code type}. Keycloak being
 * unreachable is a {@code 503} wherever the user directory is asked.
 */
@RestControllerAdvice
class UserProblemHandling {

	private static final Logger logger = LoggerFactory.getLogger(UserProblemHandling.class);

	private static final String TYPES = "https://tracker.dev/problems/";

	@ExceptionHandler
	ProblemDetail notAllowed(UserController.NotAllowed ex) {
		return problem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail unknownUser(UnknownUserException ex) {
		return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail ownAdminRole(OwnAdminRoleException ex) {
		return problem(HttpStatus.CONFLICT, "own-admin-role", "Cannot remove your own ADMIN role", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail grantedElsewhere(RoleGrantedElsewhereException ex) {
		return problem(HttpStatus.CONFLICT, "role-granted-elsewhere", "Another role remains", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail directoryUnavailable(UserDirectoryUnavailableException ex) {
		logger.warn("User directory unavailable: {}", ex.getMessage());
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "user-directory-unavailable", "Users cannot be looked up now",
				"Keycloak's admin API did not answer; try again shortly");
	}

	private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPES + type));
		problem.setTitle(title);
		return problem;
	}

}
