package dev.tracker.issues.user;

/**
 * What a search finds about a user.
 *
 * @param id the Keycloak user id
 * @param name the display name
 * @param email the email address
 */
public record UserSummary(String id, String name, String email) {
}
