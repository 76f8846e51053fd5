package dev.tracker.issues.issue;

import java.util.List;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/** The history of every issue. */
public interface ActivityLog extends ListCrudRepository<ActivityEntry, Long> {

	/** An issue's history, oldest first. */
	List<ActivityEntry> findByIssueIdOrderByAtAscIdAsc(UUID issueId);

}
