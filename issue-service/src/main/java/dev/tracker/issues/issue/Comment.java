package dev.tracker.issues.issue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.SQLRestriction;

/** A comment on an issue, Markdown as its author wrote it. */
@Entity
@Table(name = "comments")
@SQLRestriction("deleted_at IS NULL")
public class Comment {

	/** The longest comment, in characters. */
	public static final int MAX_LENGTH = 20_000;

	@Id
	private UUID id;

	private UUID issueId;

	@Embedded
	@AttributeOverrides({ @AttributeOverride(name = "id", column = @Column(name = "author_id")),
			@AttributeOverride(name = "name", column = @Column(name = "author_name")),
			@AttributeOverride(name = "email", column = @Column(name = "author_email")) })
	private Person author;

	private String body;

	private Instant createdAt;

	private Instant updatedAt;

	private Instant deletedAt;

	protected Comment() {
	}

	Comment(UUID issueId, Person author, String body, Instant now) {
		this.id = UUID.randomUUID();
		this.issueId = issueId;
		this.author = author;
		this.body = body;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/** Whether the person wrote it. */
	public boolean isWrittenBy(String personId) {
		return this.author.id().equals(personId);
	}

	/** Whether its author may still change it: within the window after writing it. */
	public boolean isEditableAt(Instant now, Duration window) {
		return !now.isAfter(this.createdAt.plus(window));
	}

	void edit(String body, Instant now) {
		this.body = body;
		this.updatedAt = now;
	}

	void delete(Instant now) {
		this.deletedAt = now;
	}

	public UUID id() {
		return this.id;
	}

	public UUID issueId() {
		return this.issueId;
	}

	public Person author() {
		return this.author;
	}

	public String body() {
		return this.body;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

}
