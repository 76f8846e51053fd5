package dev.tracker.issues.issue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import dev.tracker.events.Actor;
import dev.tracker.events.IssueAttachmentAdded;
import dev.tracker.events.IssueCommented;
import dev.tracker.events.IssueCreated;
import dev.tracker.events.IssueDeleted;
import dev.tracker.events.IssueSeverity;
import dev.tracker.events.IssueSnapshot;
import dev.tracker.events.IssueStatus;
import dev.tracker.events.IssueStatusChanged;
import dev.tracker.events.IssueUpdated;
import dev.tracker.issues.issue.Change.Action;
import dev.tracker.issues.issue.IssueProblems.IllegalTransition;
import dev.tracker.issues.issue.IssueProblems.InvalidField;
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
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.hibernate.annotations.SQLRestriction;

import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * An issue: what someone reported, where it stands in the workflow, who works on it.
 * <p>
 * Every change is a method that checks the rules, records what changed for the activity
 * log, and registers the event that tells the rest of the system, carrying the issue's
 * state after the change. Each change raises the version by one (the events carry that
 * next version), so a transaction makes one change.
 */
@Entity
@Table(name = "issues")
@SQLRestriction("deleted_at IS NULL")
public class Issue extends AbstractAggregateRoot<Issue> {

	/** The prefix of human keys. */
	public static final String KEY_PREFIX = "TRK-";

	/** How many files an issue can carry. */
	public static final int MAX_ATTACHMENTS = 50;

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

	@Enumerated(EnumType.STRING)
	private CloseReason closeReason;

	private UUID duplicateOf;

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

	private Instant deletedAt;

	@Version
	private long version;

	@Transient
	private final List<Change> changes = new ArrayList<>();

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
		this.attachmentIds = new ArrayList<>(attachmentIds.stream().distinct().toList());
		this.createdAt = now;
		this.updatedAt = now;
	}

	/** A newly reported issue, in status {@code OPEN}. */
	public static Issue report(long number, String title, String description, IssueSeverity severity, Actor reporter,
			List<UUID> attachmentIds, Instant now) {
		if (attachmentIds.size() > MAX_ATTACHMENTS) {
			throw new InvalidField("attachmentIds", "At most " + MAX_ATTACHMENTS + " attachments");
		}
		Issue issue = new Issue(number, title, description, severity, Person.of(reporter), attachmentIds, now);
		issue.changes.add(Change.of(Action.CREATED));
		issue.registerEvent(new IssueCreated(UUID.randomUUID(), now, reporter, issue.snapshotAtVersion(0)));
		return issue;
	}

	/**
	 * Changes fields. Fields that already have the new value are left out.
	 * @return whether anything changed
	 */
	public boolean edit(IssueEdit edit, Actor actor, Instant now) {
		List<String> changed = new ArrayList<>();
		if (edit.title() != null && !edit.title().equals(this.title)) {
			this.changes.add(new Change(Action.FIELD_CHANGED, "title", this.title, edit.title()));
			this.title = edit.title();
			changed.add("title");
		}
		if (edit.description() != null && !Objects.equals(edit.description().value(), this.description)) {
			this.changes
				.add(new Change(Action.FIELD_CHANGED, "description", this.description, edit.description().value()));
			this.description = edit.description().value();
			changed.add("description");
		}
		if (edit.severity() != null && edit.severity() != this.severity) {
			this.changes
				.add(new Change(Action.FIELD_CHANGED, "severity", this.severity.name(), edit.severity().name()));
			this.severity = edit.severity();
			changed.add("severity");
		}
		if (edit.assignee() != null && !sameAssignee(edit.assignee().value())) {
			this.changes.add(new Change(Action.FIELD_CHANGED, "assignee", describe(this.assignee),
					describe(edit.assignee().value())));
			this.assignee = edit.assignee().value();
			changed.add("assignee");
		}
		if (changed.isEmpty()) {
			return false;
		}
		this.updatedAt = now;
		registerEvent(new IssueUpdated(UUID.randomUUID(), now, actor, nextSnapshot(), changed));
		return true;
	}

	private boolean sameAssignee(Person person) {
		String current = (this.assignee != null) ? this.assignee.id() : null;
		String next = (person != null) ? person.id() : null;
		return Objects.equals(current, next);
	}

	private static String describe(Person person) {
		return (person != null) ? person.name() + " <" + person.email() + ">" : null;
	}

	/**
	 * Moves the issue through the workflow. Closing an issue that was never worked on
	 * needs a reason, a duplicate names its original; reopening clears the resolution.
	 */
	public void moveTo(IssueStatus to, CloseReason reason, UUID duplicateOf, Actor actor, Instant now) {
		IssueStatus from = this.status;
		if (!Workflow.allows(from, to)) {
			throw new IllegalTransition(from, to, Workflow.targets(from));
		}
		if (Workflow.needsReason(from, to)) {
			if (reason == null) {
				throw new InvalidField("reason", "Closing an issue in status " + from
						+ " needs a reason: WONT_FIX, DUPLICATE or CANNOT_REPRODUCE");
			}
			if (reason == CloseReason.DUPLICATE && duplicateOf == null) {
				throw new InvalidField("duplicateOf", "A duplicate names the issue it duplicates");
			}
			if (this.id.equals(duplicateOf)) {
				throw new InvalidField("duplicateOf", "An issue cannot duplicate itself");
			}
		}
		else if (reason != null || duplicateOf != null) {
			throw new InvalidField("reason", "Only closing an issue in status OPEN or TRIAGED takes a reason");
		}
		this.status = to;
		this.closeReason = reason;
		this.duplicateOf = (reason == CloseReason.DUPLICATE) ? duplicateOf : null;
		if (to == IssueStatus.RESOLVED) {
			this.resolvedAt = now;
		}
		else if (Workflow.isReopen(from, to)) {
			this.resolvedAt = null;
			this.closeReason = null;
		}
		this.updatedAt = now;
		this.changes.add(new Change(Action.STATUS_CHANGED, "status", from.name(),
				(reason != null) ? to.name() + " (" + reason + ")" : to.name()));
		registerEvent(new IssueStatusChanged(UUID.randomUUID(), now, actor, nextSnapshot(), from,
				(reason != null) ? reason.name() : null));
	}

	/**
	 * Attaches a file.
	 * @return whether it was not attached already
	 */
	public boolean attach(UUID fileId, Actor actor, Instant now) {
		if (this.attachmentIds.contains(fileId)) {
			return false;
		}
		if (this.attachmentIds.size() >= MAX_ATTACHMENTS) {
			throw new InvalidField("fileId", "An issue carries at most " + MAX_ATTACHMENTS + " attachments");
		}
		this.attachmentIds.add(fileId);
		this.updatedAt = now;
		this.changes.add(new Change(Action.ATTACHMENT_ADDED, "attachments", null, fileId.toString()));
		registerEvent(new IssueAttachmentAdded(UUID.randomUUID(), now, actor, nextSnapshot(), fileId));
		return true;
	}

	/** Records a new comment on the issue. */
	public void commented(Comment comment, Actor actor, Instant now) {
		this.updatedAt = now;
		this.changes.add(new Change(Action.COMMENTED, "comments", null, comment.id().toString()));
		registerEvent(new IssueCommented(UUID.randomUUID(), now, actor, nextSnapshot(), comment.id(), comment.body()));
	}

	/** Deletes the issue: it disappears from every read. */
	public void delete(Actor actor, Instant now) {
		this.deletedAt = now;
		this.updatedAt = now;
		this.changes.add(Change.of(Action.DELETED));
		registerEvent(new IssueDeleted(UUID.randomUUID(), now, actor, nextSnapshot()));
	}

	/**
	 * The changes made since the issue was loaded, for the activity log; emptied by the
	 * call.
	 */
	List<Change> drainChanges() {
		List<Change> drained = List.copyOf(this.changes);
		this.changes.clear();
		return drained;
	}

	/** The events registered since the issue was loaded, not yet published. */
	java.util.Collection<Object> registeredEvents() {
		return domainEvents();
	}

	/** Whether the person reported this issue. */
	public boolean isReportedBy(String personId) {
		return this.reporter.id().equals(personId);
	}

	/** The issue's state as events carry it. */
	public IssueSnapshot snapshot() {
		return snapshotAtVersion(this.version);
	}

	private IssueSnapshot nextSnapshot() {
		return snapshotAtVersion(this.version + 1);
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

	public CloseReason closeReason() {
		return this.closeReason;
	}

	public UUID duplicateOf() {
		return this.duplicateOf;
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
