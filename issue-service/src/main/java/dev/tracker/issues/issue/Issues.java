package dev.tracker.issues.issue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

/** All issues. */
public interface Issues extends ListCrudRepository<Issue, UUID> {

	/** The number of the next human key. */
	@Query(value = "SELECT nextval('issue_number_seq')", nativeQuery = true)
	long nextNumber();

	/** Issues created before the given position, newest first. */
	@Query("""
			select i from Issue i
			where i.createdAt < :before or (i.createdAt = :before and i.id < :beforeId)
			order by i.createdAt desc, i.id desc""")
	List<Issue> pageOfAll(Instant before, UUID beforeId, Limit limit);

	/** One reporter's issues created before the given position, newest first. */
	@Query("""
			select i from Issue i
			where i.reporter.id = :reporterId
			  and (i.createdAt < :before or (i.createdAt = :before and i.id < :beforeId))
			order by i.createdAt desc, i.id desc""")
	List<Issue> pageOfReporter(String reporterId, Instant before, UUID beforeId, Limit limit);

}
