package dev.tracker.issues.issue;

import java.time.Instant;
import java.util.Set;

import dev.tracker.events.IssueSeverity;
import dev.tracker.events.IssueStatus;

/**
 * What to find: filters (each optional; several statuses or severities match any of
 * them), full text, the order and where the previous page ended.
 *
 * @param statuses any of these statuses
 * @param severities any of these severities
 * @param reporterId reported by this person
 * @param assigneeId assigned to this person ({@link #UNASSIGNED} for nobody)
 * @param createdFrom created at or after
 * @param createdTo created before
 * @param text words to find in title, description and comments
 * @param sort the order
 * @param cursor where the previous page ended, or {@code null} for the first page
 * @param size the page size, 1–100
 */
public record IssueQuery(Set<IssueStatus> statuses, Set<IssueSeverity> severities, String reporterId, String assigneeId,
		Instant createdFrom, Instant createdTo, String text, IssueSort sort, String cursor, int size) {

	/** The {@code assigneeId} that finds unassigned issues. */
	public static final String UNASSIGNED = "none";

	/** The largest page. */
	public static final int MAX_SIZE = 100;

	public IssueQuery {
		statuses = (statuses != null) ? Set.copyOf(statuses) : Set.of();
		severities = (severities != null) ? Set.copyOf(severities) : Set.of();
		text = (text != null && !text.isBlank()) ? text.strip() : null;
		sort = (sort != null) ? sort : ((text != null) ? IssueSort.RELEVANCE : IssueSort.NEWEST);
		if (size < 1 || size > MAX_SIZE) {
			throw new IssueProblems.InvalidField("size", "size is 1 to " + MAX_SIZE);
		}
		if (sort == IssueSort.RELEVANCE && text == null) {
			throw new IssueProblems.InvalidField("sort", "Sorting by relevance needs a text query (q)");
		}
	}

	/** The same query, for the caller's own issues only. */
	public IssueQuery reportedBy(String reporter) {
		return new IssueQuery(this.statuses, this.severities, reporter, this.assigneeId, this.createdFrom,
				this.createdTo, this.text, this.sort, this.cursor, this.size);
	}

}
