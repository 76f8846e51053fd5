package dev.tracker.issues.issue.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.tracker.issues.issue.Comment;
import dev.tracker.issues.issue.IssueService;
import dev.tracker.issues.issue.Person;
import dev.tracker.issues.markdown.MarkdownRenderer;
import dev.tracker.issues.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /api/issues/{id}/comments}: the discussion of an issue, Markdown served with its
 * sanitised HTML.
 */
@RestController
@RequestMapping("/api/issues/{issueId}/comments")
class CommentController {

	private final IssueService issues;

	private final MarkdownRenderer markdown;

	CommentController(IssueService issues, MarkdownRenderer markdown) {
		this.issues = issues;
		this.markdown = markdown;
	}

	@GetMapping
	List<CommentView> list(@PathVariable UUID issueId, Caller caller) {
		return this.issues.comments(issueId, caller).stream().map(this::view).toList();
	}

	@PostMapping
	ResponseEntity<CommentView> add(@PathVariable UUID issueId, @Valid @RequestBody CommentRequest request,
			Caller caller) {
		Comment comment = this.issues.comment(issueId, request.body(), caller);
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
			.path("/{id}")
			.buildAndExpand(comment.id())
			.toUri();
		return ResponseEntity.created(location).body(view(comment));
	}

	@PatchMapping("/{commentId}")
	CommentView edit(@PathVariable UUID issueId, @PathVariable UUID commentId,
			@Valid @RequestBody CommentRequest request, Caller caller) {
		return view(this.issues.editComment(issueId, commentId, request.body(), caller));
	}

	@DeleteMapping("/{commentId}")
	ResponseEntity<Void> delete(@PathVariable UUID issueId, @PathVariable UUID commentId, Caller caller) {
		this.issues.deleteComment(issueId, commentId, caller);
		return ResponseEntity.noContent().build();
	}

	private CommentView view(Comment comment) {
		return new CommentView(comment.id(), comment.author(), comment.body(), this.markdown.toSafeHtml(comment.body()),
				comment.createdAt(), comment.updatedAt(), comment.updatedAt().isAfter(comment.createdAt()));
	}

	/**
	 * A new comment or a comment's new text.
	 *
	 * @param body Markdown, 1 to 20 000 characters
	 */
	record CommentRequest(@NotBlank @Size(max = Comment.MAX_LENGTH) String body) {
	}

	/** A comment as the API shows it. */
	record CommentView(UUID id, Person author, String body, String bodyHtml, Instant createdAt, Instant updatedAt,
			boolean edited) {
	}

}
