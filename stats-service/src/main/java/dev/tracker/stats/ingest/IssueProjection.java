package dev.tracker.stats.ingest;

import dev.tracker.events.IssueDeleted;
import dev.tracker.events.IssueEvent;
import dev.tracker.events.IssueSnapshot;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Every issue's latest known state, as far as statistics need it. */
@Component
class IssueProjection {

	private final JdbcClient jdbc;

	IssueProjection(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Applies an event unless the projection already holds the same or a newer version of
	 * the issue. A deletion also applies at the version the projection holds, since it
	 * may carry the issue's last state unchanged.
	 * @return whether the projection changed
	 */
	boolean apply(IssueEvent event) {
		IssueSnapshot issue = event.issue();
		return this.jdbc.sql("""
				INSERT INTO issue_projection AS p (issue_id, reporter_id, status, severity, version, deleted,
				        created_at, updated_at, resolved_at)
				VALUES (:id, :reporter, :status, :severity, :version, :deleted, :created, :updated, :resolved)
				ON CONFLICT (issue_id) DO UPDATE
				SET reporter_id = EXCLUDED.reporter_id, status = EXCLUDED.status, severity = EXCLUDED.severity,
				    version = EXCLUDED.version, deleted = EXCLUDED.deleted, updated_at = EXCLUDED.updated_at,
				    resolved_at = EXCLUDED.resolved_at
				WHERE p.version < EXCLUDED.version
				   OR (EXCLUDED.deleted AND NOT p.deleted AND p.version = EXCLUDED.version)""")
			.param("id", issue.id())
			.param("reporter", issue.reporter().id())
			.param("status", issue.status().name())
			.param("severity", issue.severity().name())
			.param("version", issue.version())
			.param("deleted", event instanceof IssueDeleted)
			.param("created", java.sql.Timestamp.from(issue.createdAt()))
			.param("updated", java.sql.Timestamp.from(issue.updatedAt()))
			.param("resolved", (issue.resolvedAt() != null) ? java.sql.Timestamp.from(issue.resolvedAt()) : null)
			.update() > 0;
	}

}
