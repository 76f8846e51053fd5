package dev.tracker.issues.user;

/**
 * An administrator tried to give up their own {@code ADMIN} role, which would leave
 * nobody able to undo it if they were the last one.
 */
public class OwnAdminRoleException extends RuntimeException {

	public OwnAdminRoleException() {
		super("Administrators cannot remove their own ADMIN role; another administrator can");
	}

}
