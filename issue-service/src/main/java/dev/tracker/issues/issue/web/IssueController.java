package dev.tracker.issues.issue.web;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import dev.tracker.events.IssueSeverity;
import dev.tracker.events.IssueStatus;
import dev.tracker.issues.issue.Issue;
import dev.tracker.issues.issue.IssueListing;
import dev.tracker.issues.issue.IssuePage;
import dev.tracker.issues.issue.IssueProblems.InvalidField;
import dev.tracker.issues.issue.IssueQuery;
import dev.tracker.issues.issue.IssueSearch;
import dev.tracker.issues.issue.IssueService;
import dev.tracker.issues.issue.IssueSort;
import dev.tracker.issues.markdown.MarkdownRenderer;
import dev.tracker.issues.security.Caller;
import jakarta.validation.Valid;
import tools.jackson.databind.JsonNode;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /api/issues}: report, find, read, edit, move through the workflow, attach files,
 * delete. Reads carry an {@code ETag}; edits and moves need it back in {@code If-Match}.
 */
@RestController
@RequestMapping("/api/issues")
class IssueController {

	private final IssueService issues;

	private final IssueSearch search;

	private final MarkdownRenderer markdown;

	IssueController(IssueService issues, IssueSearch search, MarkdownRenderer markdown) {
		this.issues = issues;
		this.search = search;
		this.markdown = markdown;
	}

	@PostMapping
	ResponseEntity<IssueView> report(@Valid @RequestBody NewIssueRequest request, Caller caller) {
		Issue issue = this.issues.report(request.toNewIssue(), caller);
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
			.path("/{id}")
			.buildAndExpand(issue.id())
			.toUri();
		return ResponseEntity.created(location).eTag(ETags.of(issue.version())).body(view(issue));
	}

	@GetMapping
	ListResponse find(@RequestParam(required = false) List<String> status,
			@RequestParam(required = false) List<String> severity, @RequestParam(required = false) String reporter,
			@RequestParam(required = false) String assignee,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant createdFrom,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant createdTo,
			@RequestParam(required = false) String q, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String cursor, @RequestParam(defaultValue = "20") int size, Caller caller) {
		IssueQuery query = new IssueQuery(values(status, "status", IssueStatus.class),
				values(severity, "severity", IssueSeverity.class), me(reporter, caller), me(assignee, caller),
				createdFrom, createdTo, q, sortOf(sort), cursor, size);
		if (!caller.isStaff()) {
			query = query.reportedBy(caller.id());
		}
		IssuePage page = this.search.find(query);
		return new ListResponse(page.items().stream().map((issue) -> IssueView.of(issue, null)).toList(),
				page.nextCursor());
	}

	private static String me(String person, Caller caller) {
		return "me".equals(person) ? caller.id() : person;
	}

	private static IssueSort sortOf(String sort) {
		if (sort == null || sort.isBlank()) {
			return null;
		}
		try {
			return IssueSort.valueOf(sort.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidField("sort", "sort is one of newest, oldest, updated, severity, relevance");
		}
	}

	/**
	 * Repeated parameters and comma-separated lists alike:
	 * {@code status=OPEN&status=TRIAGED} or {@code OPEN,TRIAGED}.
	 */
	private static <E extends Enum<E>> Set<E> values(List<String> raw, String field, Class<E> type) {
		Set<E> values = EnumSet.noneOf(type);
		if (raw == null) {
			return values;
		}
		List<String> names = new ArrayList<>();
		raw.forEach((value) -> names.addAll(List.of(value.split(","))));
		for (String name : names) {
			if (name.isBlank()) {
				continue;
			}
			try {
				values.add(Enum.valueOf(type, name.strip().toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidField(field, "Unknown " + field + " '" + name + "'; one of "
						+ EnumSet.allOf(type).stream().map(Enum::name).toList());
			}
		}
		return values;
	}

	@GetMapping("/{id}")
	ResponseEntity<IssueView> get(@PathVariable UUID id, Caller caller) {
		Issue issue = this.issues.get(id, caller);
		return ResponseEntity.ok().eTag(ETags.of(issue.version())).body(view(issue));
	}

	@PatchMapping(path = "/{id}", consumes = { "application/merge-patch+json", MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<IssueView> edit(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @RequestBody JsonNode patch,
			Caller caller) {
		long version = ETags.requiredVersion(ifMatch);
		IssuePatch edit = IssuePatch.parse(patch);
		Issue issue = this.issues.edit(id, version,
				edit.toEdit((edit.assigneeId() != null) ? this.issues.assignee(edit.assigneeId().value()) : null),
				caller);
		return ResponseEntity.ok().eTag(ETags.of(issue.version())).body(view(issue));
	}

	@PostMapping("/{id}/transitions")
	ResponseEntity<IssueView> transition(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody TransitionRequest request, Caller caller) {
		long version = ETags.requiredVersion(ifMatch);
		Issue issue = this.issues.transition(id, version, request.to(), request.reason(), request.duplicateOf(),
				caller);
		return ResponseEntity.ok().eTag(ETags.of(issue.version())).body(view(issue));
	}

	@PostMapping("/{id}/attachments")
	ResponseEntity<IssueView> attach(@PathVariable UUID id, @Valid @RequestBody AttachmentRequest request,
			Caller caller) {
		Issue issue = this.issues.attach(id, request.fileId(), caller);
		return ResponseEntity.ok().eTag(ETags.of(issue.version())).body(view(issue));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id, Caller caller) {
		this.issues.delete(id, caller);
		return ResponseEntity.noContent().build();
	}

	private IssueView view(Issue issue) {
		return IssueView.of(IssueListing.of(issue), this.markdown.toSafeHtml(issue.description()));
	}

}
