package dev.tracker.issues.issue.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.tracker.issues.issue.ActivityEntry;
import dev.tracker.issues.issue.Change;
import dev.tracker.issues.issue.IssueService;
import dev.tracker.issues.security.Caller;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/issues/{id}/activity}: every change of an issue, oldest first. */
@RestController
class ActivityController {

	private final IssueService issues;

	ActivityController(IssueService issues) {
		this.issues = issues;
	}

	@GetMapping("/api/issues/{issueId}/activity")
	List<ActivityView> activity(@PathVariable UUID issueId, Caller caller) {
		return this.issues.activity(issueId, caller).stream().map(ActivityView::of).toList();
	}

	/** One change: who, when, what, old → new. */
	record ActivityView(long id, Instant at, ActorView actor, Change.Action action, String field, String oldValue,
			String newValue) {

		static ActivityView of(ActivityEntry entry) {
			return new ActivityView(entry.id(), entry.at(), new ActorView(entry.actorId(), entry.actorName()),
					entry.action(), entry.field(), entry.oldValue(), entry.newValue());
		}

	}

	/** Who made a change. */
	record ActorView(String id, String name) {
	}

}
