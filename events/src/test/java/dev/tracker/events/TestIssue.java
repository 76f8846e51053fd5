package dev.tracker.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An issue as its events tell it: each method returns the next event, one version on, as
 * the issue service would publish it. Shared with consumers' tests through this module's
 * test-jar.
 */
public final class TestIssue {

	private final UUID id = UUID.randomUUID();

	private final Actor reporter;

	private final Instant createdAt = Instant.now();

	private IssueSeverity severity;

	private IssueStatus status = IssueStatus.OPEN;

	private long version = -1;

	private TestIssue(Actor reporter, IssueSeverity severity) {
		this.reporter = reporter;
		this.severity = severity;
	}

	/** An issue the person reports, of severity {@code MEDIUM}. */
	public static TestIssue reportedBy(Actor reporter) {
		return reportedBy(reporter, IssueSeverity.MEDIUM);
	}

	/** An issue the person reports. */
	public static TestIssue reportedBy(Actor reporter, IssueSeverity severity) {
		return new TestIssue(reporter, severity);
	}

	public UUID id() {
		return this.id;
	}

	/** The first event: the issue was reported, in status {@code OPEN}. */
	public IssueCreated created() {
		return new IssueCreated(UUID.randomUUID(), Instant.now(), this.reporter, next());
	}

	/** The issue moved to another status. */
	public IssueStatusChanged movedTo(IssueStatus to) {
		IssueStatus previous = this.status;
		this.status = to;
		return new IssueStatusChanged(UUID.randomUUID(), Instant.now(), this.reporter, next(), previous, null);
	}

	/** The issue's severity changed. */
	public IssueUpdated severityChangedTo(IssueSeverity to) {
		this.severity = to;
		return new IssueUpdated(UUID.randomUUID(), Instant.now(), this.reporter, next(), List.of("severity"));
	}

	/** The reporter commented on the issue. */
	public IssueCommented commented(String body) {
		return new IssueCommented(UUID.randomUUID(), Instant.now(), this.reporter, next(), UUID.randomUUID(), body);
	}

	/** The issue was deleted; the event carries its last state, one version on. */
	public IssueDeleted deleted() {
		return new IssueDeleted(UUID.randomUUID(), Instant.now(), this.reporter, next());
	}

	/** The issue was deleted; the event carries its last state at the version it had. */
	public IssueDeleted deletedAtLastVersion() {
		return new IssueDeleted(UUID.randomUUID(), Instant.now(), this.reporter, snapshot(this.version));
	}

	private IssueSnapshot next() {
		this.version++;
		return snapshot(this.version);
	}

	private IssueSnapshot snapshot(long version) {
		Instant now = Instant.now();
		return new IssueSnapshot(this.id, "TRK-" + Math.abs(this.id.getLeastSignificantBits() % 100_000),
				"Issue " + this.id, "Steps to reproduce", this.severity, this.status, this.reporter, null, List.of(),
				this.createdAt, now, this.status.isOpen() ? null : now, version);
	}

}
