package dev.tracker.issues.issue;

import java.util.UUID;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

/** All issues that are not deleted. */
public interface Issues extends ListCrudRepository<Issue, UUID> {

	/** The number of the next human key. */
	@Query(value = "SELECT nextval('issue_number_seq')", nativeQuery = true)
	long nextNumber();

	/** Brings the full-text index of the issue's comments up to date. */
	@Modifying
	@Query(value = """
			UPDATE issues SET comments_tsv = (
			    SELECT to_tsvector('english', coalesce(string_agg(body, ' ' ORDER BY created_at), ''))
			    FROM comments WHERE issue_id = :issueId AND deleted_at IS NULL)
			WHERE id = :issueId""", nativeQuery = true)
	void reindexComments(UUID issueId);

}
