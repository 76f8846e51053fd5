package dev.tracker.issues.issue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.tracker.events.Actor;
import dev.tracker.events.IssueStatus;
import dev.tracker.issues.issue.Change.Action;
import dev.tracker.issues.issue.IssueProblems.IllegalTransition;
import dev.tracker.issues.issue.IssueProblems.InvalidField;
import dev.tracker.issues.issue.IssueProblems.NotAllowed;
import dev.tracker.issues.issue.IssueProblems.NotFound;
import dev.tracker.issues.issue.IssueProblems.StaleVersion;
import dev.tracker.issues.security.Caller;
import dev.tracker.issues.user.DirectoryUser;
import dev.tracker.issues.user.UserDirectory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything that can be done to issues and their comments, each in one transaction: find
 * the issue the caller may see, check the caller may do this ({@link IssuePolicy}), let
 * the issue change itself, write the activity log, save — which stores the issue's event
 * in the outbox in the same transaction.
 */
@Service
@Transactional
public class IssueService {

	private final Issues issues;

	private final Comments comments;

	private final ActivityLog activity;

	private final UserDirectory directory;

	private final IssueSettings settings;

	private final Clock clock;

	IssueService(Issues issues, Comments comments, ActivityLog activity, UserDirectory directory,
			IssueSettings settings, Clock clock) {
		this.issues = issues;
		this.comments = comments;
		this.activity = activity;
		this.directory = directory;
		this.settings = settings;
		this.clock = clock;
	}

	/** Files a new issue in the caller's name. */
	public Issue report(NewIssue request, Caller caller) {
		return report(request, caller.toActor(), now());
	}

	/** Files a new issue in someone's name at a given time (demo data). */
	Issue report(NewIssue request, Actor reporter, Instant at) {
		Issue issue = Issue.report(this.issues.nextNumber(), request.title().strip(), request.description(),
				request.severity(), reporter, request.attachmentIds(), at);
		return save(issue, reporter, at);
	}

	/** The issue, if the caller may see it. */
	@Transactional(readOnly = true)
	public Issue get(UUID id, Caller caller) {
		return visible(id, caller);
	}

	/** Changes fields of the issue the caller has seen at {@code expectedVersion}. */
	public Issue edit(UUID id, long expectedVersion, IssueEdit edit, Caller caller) {
		Issue issue = current(id, expectedVersion, caller);
		if (edit.title() != null || edit.description() != null) {
			IssuePolicy.requireCanEditText(caller, issue);
		}
		if (edit.touchesTriage()) {
			IssuePolicy.requireCanTriage(caller);
		}
		Instant now = now();
		if (issue.edit(edit, caller.toActor(), now)) {
			issue = save(issue, caller.toActor(), now);
		}
		return issue;
	}

	/**
	 * The person to assign: a maintainer or administrator of the realm; {@code null}
	 * unassigns.
	 */
	public Patch<Person> assignee(String assigneeId) {
		if (assigneeId == null) {
			return Patch.to(null);
		}
		DirectoryUser user = this.directory.findById(assigneeId)
			.orElseThrow(() -> new InvalidField("assigneeId", "No user " + assigneeId));
		if (!user.isStaff()) {
			throw new InvalidField("assigneeId", "Issues are assigned to maintainers and administrators only");
		}
		return Patch.to(new Person(user.id(), user.name(), user.email()));
	}

	/**
	 * Moves the issue the caller has seen at {@code expectedVersion} through the
	 * workflow.
	 */
	public Issue transition(UUID id, long expectedVersion, IssueStatus to, CloseReason reason, UUID duplicateOf,
			Caller caller) {
		Issue issue = current(id, expectedVersion, caller);
		Set<IssueStatus> allowed = IssuePolicy.movesFor(caller, issue);
		if (!allowed.contains(to)) {
			if (Workflow.allows(issue.status(), to)) {
				throw new NotAllowed("A reporter may only reopen their own resolved or closed issue");
			}
			throw new IllegalTransition(issue.status(), to, allowed);
		}
		if (duplicateOf != null && this.issues.findById(duplicateOf).isEmpty()) {
			throw new InvalidField("duplicateOf", "No issue " + duplicateOf);
		}
		Instant now = now();
		issue.moveTo(to, reason, duplicateOf, caller.toActor(), now);
		return save(issue, caller.toActor(), now);
	}

	/** Attaches an uploaded file to the issue. */
	public Issue attach(UUID id, UUID fileId, Caller caller) {
		Issue issue = visible(id, caller);
		Instant now = now();
		if (issue.attach(fileId, caller.toActor(), now)) {
			issue = save(issue, caller.toActor(), now);
		}
		return issue;
	}

	/** Deletes the issue (administrators). */
	public void delete(UUID id, Caller caller) {
		Issue issue = visible(id, caller);
		IssuePolicy.requireCanDelete(caller);
		Instant now = now();
		issue.delete(caller.toActor(), now);
		save(issue, caller.toActor(), now);
	}

	/** The issue's comments, oldest first. */
	@Transactional(readOnly = true)
	public List<Comment> comments(UUID id, Caller caller) {
		visible(id, caller);
		return this.comments.findByIssueIdOrderByCreatedAtAscIdAsc(id);
	}

	/** Adds a comment in the caller's name. */
	public Comment comment(UUID id, String body, Caller caller) {
		return comment(id, body, caller.toActor(), now(), caller);
	}

	/** Adds a comment in someone's name at a given time (demo data). */
	Comment comment(UUID id, String body, Actor author, Instant at, Caller caller) {
		Issue issue = visible(id, caller);
		Comment comment = this.comments.save(new Comment(id, Person.of(author), body, at));
		issue.commented(comment, author, at);
		save(issue, author, at);
		this.issues.reindexComments(id);
		return comment;
	}

	/**
	 * Changes a comment's text (its author within the edit window, administrators any
	 * time).
	 */
	public Comment editComment(UUID id, UUID commentId, String body, Caller caller) {
		Comment comment = changeableComment(id, commentId, caller);
		Instant now = now();
		String before = comment.body();
		comment.edit(body, now);
		log(id, now, caller.toActor(), new Change(Action.COMMENT_EDITED, "comments", before, body));
		this.issues.reindexComments(id);
		return comment;
	}

	/** Deletes a comment (its author within the edit window, administrators any time). */
	public void deleteComment(UUID id, UUID commentId, Caller caller) {
		Comment comment = changeableComment(id, commentId, caller);
		Instant now = now();
		comment.delete(now);
		log(id, now, caller.toActor(), new Change(Action.COMMENT_DELETED, "comments", comment.body(), null));
		this.comments.save(comment);
		this.issues.reindexComments(id);
	}

	private Comment changeableComment(UUID id, UUID commentId, Caller caller) {
		visible(id, caller);
		Comment comment = this.comments.findById(commentId)
			.filter((candidate) -> candidate.issueId().equals(id))
			.orElseThrow(() -> new NotFound("Comment " + commentId));
		IssuePolicy.requireCanChangeComment(caller, comment, now(), this.settings.commentEditWindow());
		return comment;
	}

	/** The issue's history, oldest first. */
	@Transactional(readOnly = true)
	public List<ActivityEntry> activity(UUID id, Caller caller) {
		visible(id, caller);
		return this.activity.findByIssueIdOrderByAtAscIdAsc(id);
	}

	private Issue visible(UUID id, Caller caller) {
		return this.issues.findById(id)
			.filter((issue) -> IssuePolicy.canSee(caller, issue))
			.orElseThrow(() -> NotFound.issue(id));
	}

	private Issue current(UUID id, long expectedVersion, Caller caller) {
		Issue issue = visible(id, caller);
		if (issue.version() != expectedVersion) {
			throw new StaleVersion(expectedVersion, issue.version());
		}
		return issue;
	}

	private Issue save(Issue issue, Actor actor, Instant at) {
		List<Change> changes = issue.drainChanges();
		Issue saved = this.issues.save(issue);
		changes.forEach((change) -> log(saved.id(), at, actor, change));
		return saved;
	}

	private void log(UUID issueId, Instant at, Actor actor, Change change) {
		this.activity.save(new ActivityEntry(issueId, at, actor, change));
	}

	private Instant now() {
		return Instant.now(this.clock);
	}

}
