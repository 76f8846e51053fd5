package dev.tracker.issues.issue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.tracker.events.Actor;
import dev.tracker.events.IssueCreated;
import dev.tracker.events.IssueSeverity;
import dev.tracker.events.IssueSnapshot;
import dev.tracker.events.IssueStatus;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * An issue: what someone reported, where it stands in the workflow, who works on it.
 * State changes are methods that check the rules and register the event that tells the
 * rest of the system.
 */
@Entity
@Table(name = "issues")
public class Issue extends AbstractAggregateRoot<Issue> {

	/** The prefix of human keys. */
	public static final String KEY_PREFIX = "TRK-";

	@Id
	private UUID id;

	@Column(name = "number", nullable = false, updatable = false)
	private long number;

	private String title;

	private String description;

	@Enumerated(EnumType.STRING)
	private IssueSeverity severity;

	@Enumerated(EnumType.STRING)
	private IssueStatus status;

	@Embedded
	@AttributeOverrides({ @AttributeOverride(name = "id", column = @Column(name = "reporter_id")),
			@AttributeOverride(name = "name", column = @Column(name = "reporter_name")),
			@AttributeOverride(name = "email", column = @Column(name = "reporter_email")) })
	private Person reporter;

	@Embedded
	@AttributeOverrides({ @AttributeOverride(name = "id", column = @Column(name = "assignee_id")),
			@AttributeOverride(name = "name", column = @Column(name = "assignee_name")),
			@AttributeOverride(name = "email", column = @Column(name = "assignee_email")) })
	private Person assignee;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "issue_attachments", joinColumns = @JoinColumn(name = "issue_id"))
	@OrderColumn(name = "position")
	@Column(name = "file_id")
	private List<UUID> attachmentIds = new ArrayList<>();

	private Instant createdAt;

	private Instant updatedAt;

	private Instant resolvedAt;

	@Version
	private long version;

	protected Issue() {
	}

	private Issue(long number, String title, String description, IssueSeverity severity, Person reporter,
			List<UUID> attachmentIds, Instant now) {
		this.id = UUID.randomUUID();
		this.number = number;
		this.title = title;
		this.description = description;
		this.severity = severity;
		this.status = IssueStatus.OPEN;
		this.reporter = reporter;
		this.attachmentIds = new ArrayList<>(attachmentIds);
		this.createdAt = now;
		this.updatedAt = now;
	}

	/**
	 * A newly reported issue, in status {@code OPEN}, announcing itself with
	 * {@link IssueCreated}.
	 */
	public static Issue report(long number, String title, String description, IssueSeverity severity, Actor reporter,
			List<UUID> attachmentIds, Instant now) {
		Issue issue = new Issue(number, title, description, severity, Person.of(reporter), attachmentIds, now);
		issue.registerEvent(new IssueCreated(UUID.randomUUID(), now, reporter, issue.snapshotAtVersion(0)));
		return issue;
	}

	/** Whether the person reported this issue. */
	public boolean isReportedBy(String personId) {
		return this.reporter.id().equals(personId);
	}

	/** The issue's state as events carry it. */
	public IssueSnapshot snapshot() {
		return snapshotAtVersion(this.version);
	}

	private IssueSnapshot snapshotAtVersion(long version) {
		return new IssueSnapshot(this.id, key(), this.title, this.description, this.severity, this.status,
				this.reporter.toActor(), (this.assignee != null) ? this.assignee.toActor() : null,
				List.copyOf(this.attachmentIds), this.createdAt, this.updatedAt, this.resolvedAt, version);
	}

	public UUID id() {
		return this.id;
	}

	/** The human key, e.g. {@code TRK-42}. */
	public String key() {
		return KEY_PREFIX + this.number;
	}

	public String title() {
		return this.title;
	}

	public String description() {
		return this.description;
	}

	public IssueSeverity severity() {
		return this.severity;
	}

	public IssueStatus status() {
		return this.status;
	}

	public Person reporter() {
		return this.reporter;
	}

	public Person assignee() {
		return this.assignee;
	}

	public List<UUID> attachmentIds() {
		return List.copyOf(this.attachmentIds);
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

	public Instant resolvedAt() {
		return this.resolvedAt;
	}

	public long version() {
		return this.version;
	}

}
