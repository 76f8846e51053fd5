package dev.tracker.stats.summary;

import java.util.EnumMap;
import java.util.Map;

import dev.tracker.events.IssueSeverity;
import dev.tracker.events.IssueStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Counts the issues of the projection, all of them or one reporter's. */
@Component
public class SummaryQuery {

	private final JdbcClient jdbc;

	SummaryQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The counts over every issue ({@code reporterId == null}) or over one reporter's
	 * issues.
	 */
	public Summary summarize(String reporterId) {
		Map<IssueSeverity, Long> openBySeverity = new EnumMap<>(IssueSeverity.class);
		for (IssueSeverity severity : IssueSeverity.values()) {
			openBySeverity.put(severity, 0L);
		}
		Map<IssueStatus, Long> byStatus = new EnumMap<>(IssueStatus.class);
		for (IssueStatus status : IssueStatus.values()) {
			byStatus.put(status, 0L);
		}
		this.jdbc.sql("""
				SELECT status, severity, count(*) AS n FROM issue_projection
				WHERE NOT deleted AND (CAST(:reporter AS TEXT) IS NULL OR reporter_id = :reporter)
				GROUP BY status, severity""").param("reporter", reporterId).query((row) -> {
			IssueStatus status = IssueStatus.valueOf(row.getString("status"));
			IssueSeverity severity = IssueSeverity.valueOf(row.getString("severity"));
			long count = row.getLong("n");
			byStatus.merge(status, count, Long::sum);
			if (status.isOpen()) {
				openBySeverity.merge(severity, count, Long::sum);
			}
		});
		long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
		return new Summary(openBySeverity, byStatus, total);
	}

}
