package dev.tracker.issues.issue;

import java.util.List;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/** All comments. */
public interface Comments extends ListCrudRepository<Comment, UUID> {

	/** An issue's comments, oldest first. */
	List<Comment> findByIssueIdOrderByCreatedAtAscIdAsc(UUID issueId);

}
