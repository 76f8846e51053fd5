package dev.tracker.issues.issue;

import java.time.Instant;
import java.util.UUID;

import dev.tracker.events.Actor;
import dev.tracker.issues.issue.Change.Action;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One line of an issue's history: who, when, what, old → new. */
@Entity
@Table(name = "activity")
public class ActivityEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "activity_id")
	@SequenceGenerator(name = "activity_id", sequenceName = "activity_id_seq", allocationSize = 1)
	private Long id;

	private UUID issueId;

	private Instant at;

	private String actorId;

	private String actorName;

	@Enumerated(EnumType.STRING)
	private Action action;

	private String field;

	private String oldValue;

	private String newValue;

	protected ActivityEntry() {
	}

	ActivityEntry(UUID issueId, Instant at, Actor actor, Change change) {
		this.issueId = issueId;
		this.at = at;
		this.actorId = actor.id();
		this.actorName = actor.name();
		this.action = change.action();
		this.field = change.field();
		this.oldValue = change.oldValue();
		this.newValue = change.newValue();
	}

	public Long id() {
		return this.id;
	}

	public Instant at() {
		return this.at;
	}

	public String actorId() {
		return this.actorId;
	}

	public String actorName() {
		return this.actorName;
	}

	public Action action() {
		return this.action;
	}

	public String field() {
		return this.field;
	}

	public String oldValue() {
		return this.oldValue;
	}

	public String newValue() {
		return this.newValue;
	}

}
