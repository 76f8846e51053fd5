package dev.tracker.issues.issue;

import dev.tracker.events.Actor;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Someone an issue refers to (reporter, assignee), copied from their token when they
 * acted.
 *
 * @param id the Keycloak user id
 * @param name the display name
 * @param email the email address
 */
@Embeddable
public record Person(@Column(name = "id") String id, @Column(name = "name") String name,
		@Column(name = "email") String email) {

	/** The person of an event's actor. */
	public static Person of(Actor actor) {
		return new Person(actor.id(), actor.name(), actor.email());
	}

	Actor toActor() {
		return new Actor(this.id, this.name, this.email);
	}

}
