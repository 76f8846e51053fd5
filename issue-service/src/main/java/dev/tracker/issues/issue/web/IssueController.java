package dev.tracker.issues.issue.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import dev.tracker.issues.issue.Issue;
import dev.tracker.issues.issue.Issues;
import dev.tracker.issues.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.data.domain.Limit;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/issues")
@Validated
class IssueController {

	private final Issues issues;

	private final Clock clock;

	IssueController(Issues issues, Clock clock) {
		this.issues = issues;
		this.clock = clock;
	}

	@PostMapping
	ResponseEntity<IssueView> create(@Valid @RequestBody NewIssue request, Caller caller) {
		Issue issue = Issue.report(this.issues.nextNumber(), request.title().strip(), request.description(),
				request.severity(), caller.toActor(), request.attachmentIds(), Instant.now(this.clock));
		issue = this.issues.save(issue);
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
			.path("/{id}")
			.buildAndExpand(issue.id())
			.toUri();
		return ResponseEntity.created(location).body(IssueView.of(issue));
	}

	@GetMapping("/{id}")
	IssueView get(@PathVariable UUID id, Caller caller) {
		return this.issues.findById(id)
			.filter((issue) -> caller.isStaff() || issue.isReportedBy(caller.id()))
			.map(IssueView::of)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No issue " + id));
	}

	@GetMapping
	IssuePage list(@RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Caller caller) {
		Instant before = Instant.parse("9999-12-31T00:00:00Z");
		UUID beforeId = new UUID(Long.MAX_VALUE, Long.MAX_VALUE);
		if (cursor != null) {
			String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
			before = Instant.parse(parts[0]);
			beforeId = UUID.fromString(parts[1]);
		}
		Limit limit = Limit.of(size + 1);
		List<Issue> found = caller.isStaff() ? this.issues.pageOfAll(before, beforeId, limit)
				: this.issues.pageOfReporter(caller.id(), before, beforeId, limit);
		String next = null;
		if (found.size() > size) {
			found = found.subList(0, size);
			Issue last = found.get(size - 1);
			next = Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString((last.createdAt() + "|" + last.id()).getBytes(StandardCharsets.UTF_8));
		}
		return new IssuePage(found.stream().map(IssueView::of).toList(), next);
	}

}
