package dev.tracker.events;

/**
 * A person as the token named them: Keycloak subject, display name and email.
 *
 * @param id the Keycloak user id (token {@code sub})
 * @param name the display name
 * @param email the email address
 */
public record Actor(String id, String name, String email) {
}
