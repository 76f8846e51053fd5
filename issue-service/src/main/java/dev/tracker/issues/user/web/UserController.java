package dev.tracker.issues.user.web;

import dev.tracker.issues.security.Caller;
import dev.tracker.issues.user.TrackerRole;
import dev.tracker.issues.user.Users;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/users}: who am I, finding people (maintainers and administrators, e.g. to
 * pick an assignee), and changing a user's tracker role (administrators).
 */
@RestController
@RequestMapping("/api/users")
class UserController {

	private final Users users;

	UserController(Users users) {
		this.users = users;
	}

	/** The caller, straight from their token. */
	@GetMapping("/me")
	MeView me(Caller caller) {
		return MeView.of(caller);
	}

	/**
	 * Users whose name or email contains {@code q}; administrators also see each one's
	 * tracker role.
	 */
	@GetMapping
	UserList search(@RequestParam(defaultValue = "") @Size(max = 100) String q,
			@RequestParam(defaultValue = "20") @Min(1) @Max(50) int size, Caller caller) {
		if (!caller.isStaff()) {
			throw new NotAllowed("Only maintainers and administrators may search users");
		}
		if (caller.isAdmin()) {
			return new UserList(this.users.searchWithRoles(q, size).stream().map(UserView::withRole).toList());
		}
		return new UserList(this.users.search(q, size).stream().map(UserView::of).toList());
	}

	/** Gives the user exactly the one tracker role in the body. */
	@PutMapping("/{id}/roles")
	UserView changeRole(@PathVariable String id, @Valid @RequestBody RoleChange change, Caller caller) {
		if (!caller.isAdmin()) {
			throw new NotAllowed("Only administrators may change roles");
		}
		return UserView.withRole(this.users.changeRole(caller.id(), id, TrackerRole.valueOf(change.role())));
	}

	/** The caller's roles do not allow this. */
	static final class NotAllowed extends RuntimeException {

		NotAllowed(String message) {
			super(message);
		}

	}

}
