package dev.tracker.issues.issue.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import dev.tracker.issues.issue.IssueProblems.IllegalTransition;
import dev.tracker.issues.issue.IssueProblems.InvalidField;
import dev.tracker.issues.issue.IssueProblems.NotAllowed;
import dev.tracker.issues.issue.IssueProblems.NotFound;
import dev.tracker.issues.issue.IssueProblems.StaleVersion;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The problems of the issue API, each with a stable {@code type}. */
@RestControllerAdvice
class IssueProblemHandling {

	private static final String TYPES = "https://tracker.dev/problems/";

	@ExceptionHandler
	ProblemDetail notFound(NotFound ex) {
		return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail notAllowed(NotAllowed ex) {
		return problem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail illegalTransition(IllegalTransition ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "illegal-transition", "Not a move of the workflow",
				ex.getMessage());
		problem.setProperty("from", ex.from());
		problem.setProperty("to", ex.to());
		problem.setProperty("allowed", ex.allowed().stream().sorted().toList());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail invalidField(InvalidField ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", ex.getMessage());
		problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", ex.getMessage())));
		return problem;
	}

	@ExceptionHandler
	ProblemDetail statusInPatch(IssuePatch.StatusInPatch ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "use-transitions",
				"Status changes go through the workflow", ex.getMessage());
		problem.setProperty("errors", List.of(Map.of("field", "status", "message", ex.getMessage())));
		return problem;
	}

	@ExceptionHandler
	ProblemDetail stale(StaleVersion ex) {
		return problem(HttpStatus.PRECONDITION_FAILED, "stale", "The issue changed meanwhile", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail lostRace(ObjectOptimisticLockingFailureException ex) {
		return problem(HttpStatus.PRECONDITION_FAILED, "stale", "The issue changed meanwhile",
				"Someone changed the issue at the same time. Read it again and retry.");
	}

	@ExceptionHandler
	ProblemDetail preconditionRequired(ETags.PreconditionRequired ex) {
		return problem(HttpStatus.PRECONDITION_REQUIRED, "precondition-required", "If-Match required", ex.getMessage());
	}

	private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPES + type));
		problem.setTitle(title);
		return problem;
	}

}
