package dev.tracker.issues.issue;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.tracker.events.IssueSeverity;
import dev.tracker.events.IssueStatus;
import dev.tracker.issues.issue.IssueProblems.InvalidField;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds issues with keyset paging: the cursor is the sort key of the last row of a page,
 * and the next page starts after it through an index, so a page deep in the list costs
 * what the first one does (no OFFSET). Full text runs over a weighted {@code tsvector} of
 * title, description and comments with a GIN index, ranked by {@code ts_rank}.
 */
@Component
@Transactional(readOnly = true)
public class IssueSearch {

	private static final String COLUMNS = """
			id, number, title, description, severity, status, close_reason, duplicate_of, reporter_id,
			reporter_name, reporter_email, assignee_id, assignee_name, assignee_email, created_at, updated_at,
			resolved_at, version, severity_rank""";

	private static final String QUALIFIED_COLUMNS = Stream.of(COLUMNS.split(","))
		.map((column) -> "i." + column.strip())
		.collect(Collectors.joining(", "));

	private final JdbcClient jdbc;

	IssueSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One page of the issues the query matches. */
	public IssuePage find(IssueQuery query) {
		Map<String, Object> params = new LinkedHashMap<>();
		List<String> where = new ArrayList<>(List.of("deleted_at IS NULL"));
		filter(query, where, params);
		SortKey key = SortKey.of(query.sort());
		if (query.cursor() != null) {
			where.add(key.after(Cursor.decode(query.cursor(), query.sort()), params));
		}
		String conditions = String.join(" AND ", where);
		// The text is parsed into a query once (q.query): in a prepared statement's
		// generic
		// plan websearch_to_tsquery(:text) would be evaluated again for every matching
		// row.
		boolean text = query.text() != null;
		String with = text ? "WITH q AS MATERIALIZED (SELECT websearch_to_tsquery('english', :text) AS query) " : "";
		String from = text ? "issues CROSS JOIN q" : "issues";
		String select = (query.sort() == IssueSort.RELEVANCE)
				// rank the matches reading as little of each row as possible, then read
				// the page's rows in full
				? with + ", page AS (SELECT id, ts_rank(search, q.query) AS rank FROM " + from + " WHERE " + conditions
						+ " ORDER BY rank DESC, id DESC LIMIT :limit) SELECT " + QUALIFIED_COLUMNS
						+ ", page.rank FROM page JOIN issues i ON i.id = page.id ORDER BY page.rank DESC, i.id DESC"
				: with + "SELECT " + COLUMNS + " FROM " + from + " WHERE " + conditions + " ORDER BY " + key.orderBy()
						+ " LIMIT :limit";
		params.put("limit", query.size() + 1);
		List<Row> rows = this.jdbc.sql(select).params(params).query((rs, n) -> Row.of(rs, key)).list();
		String next = null;
		if (rows.size() > query.size()) {
			rows = rows.subList(0, query.size());
			next = rows.get(rows.size() - 1).cursor.encode();
		}
		Map<UUID, List<UUID>> attachments = attachmentsOf(rows.stream().map((row) -> row.listing.id()).toList());
		List<IssueListing> items = rows.stream()
			.map((row) -> withAttachments(row.listing, attachments.getOrDefault(row.listing.id(), List.of())))
			.toList();
		return new IssuePage(items, next);
	}

	private static void filter(IssueQuery query, List<String> where, Map<String, Object> params) {
		if (!query.statuses().isEmpty()) {
			where.add("status IN (:statuses)");
			params.put("statuses", query.statuses().stream().map(Enum::name).toList());
		}
		if (!query.severities().isEmpty()) {
			where.add("severity IN (:severities)");
			params.put("severities", query.severities().stream().map(Enum::name).toList());
		}
		if (query.reporterId() != null) {
			where.add("reporter_id = :reporter");
			params.put("reporter", query.reporterId());
		}
		if (IssueQuery.UNASSIGNED.equals(query.assigneeId())) {
			where.add("assignee_id IS NULL");
		}
		else if (query.assigneeId() != null) {
			where.add("assignee_id = :assignee");
			params.put("assignee", query.assigneeId());
		}
		if (query.createdFrom() != null) {
			where.add("created_at >= :createdFrom");
			params.put("createdFrom", Timestamp.from(query.createdFrom()));
		}
		if (query.createdTo() != null) {
			where.add("created_at < :createdTo");
			params.put("createdTo", Timestamp.from(query.createdTo()));
		}
		if (query.text() != null) {
			where.add("search @@ q.query");
			params.put("text", query.text());
		}
	}

	private Map<UUID, List<UUID>> attachmentsOf(List<UUID> issueIds) {
		if (issueIds.isEmpty()) {
			return Map.of();
		}
		return this.jdbc
			.sql("SELECT issue_id, file_id FROM issue_attachments WHERE issue_id IN (:ids) ORDER BY issue_id, position")
			.param("ids", issueIds)
			.query((rs, n) -> Map.entry(rs.getObject("issue_id", UUID.class), rs.getObject("file_id", UUID.class)))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
	}

	private static IssueListing withAttachments(IssueListing listing, List<UUID> attachments) {
		return new IssueListing(listing.id(), listing.key(), listing.title(), listing.description(), listing.severity(),
				listing.status(), listing.closeReason(), listing.duplicateOf(), listing.reporter(), listing.assignee(),
				attachments, listing.createdAt(), listing.updatedAt(), listing.resolvedAt(), listing.version());
	}

	/** How one sort order orders rows and continues after a cursor. */
	private enum SortKey {

		NEWEST("created_at DESC, id DESC", "(created_at, id) < (:c_at, :c_id)"),

		OLDEST("created_at ASC, id ASC", "(created_at, id) > (:c_at, :c_id)"),

		UPDATED("updated_at DESC, id DESC", "(updated_at, id) < (:c_at, :c_id)"),

		SEVERITY("severity_rank DESC, created_at DESC, id DESC",
				"(severity_rank, created_at, id) < (:c_rank, :c_at, :c_id)"),

		RELEVANCE("rank DESC, id DESC", "(ts_rank(search, q.query), id) < (CAST(:c_score AS real), :c_id)");

		private final String orderBy;

		private final String after;

		SortKey(String orderBy, String after) {
			this.orderBy = orderBy;
			this.after = after;
		}

		static SortKey of(IssueSort sort) {
			return valueOf(sort.name());
		}

		String orderBy() {
			return this.orderBy;
		}

		String after(Cursor cursor, Map<String, Object> params) {
			params.put("c_id", cursor.id());
			switch (this) {
				case NEWEST, OLDEST, UPDATED ->
					params.put("c_at", Timestamp.from(Instant.parse(cursor.values().get(0))));
				case SEVERITY -> {
					params.put("c_rank", Short.parseShort(cursor.values().get(0)));
					params.put("c_at", Timestamp.from(Instant.parse(cursor.values().get(1))));
				}
				case RELEVANCE -> params.put("c_score", Float.parseFloat(cursor.values().get(0)));
			}
			return this.after;
		}

		Cursor cursorOf(ResultSet rs, UUID id) throws SQLException {
			IssueSort sort = IssueSort.valueOf(name());
			return switch (this) {
				case NEWEST, OLDEST -> new Cursor(sort, List.of(instant(rs, "created_at").toString()), id);
				case UPDATED -> new Cursor(sort, List.of(instant(rs, "updated_at").toString()), id);
				case SEVERITY -> new Cursor(sort,
						List.of(Short.toString(rs.getShort("severity_rank")), instant(rs, "created_at").toString()),
						id);
				case RELEVANCE -> new Cursor(sort, List.of(Float.toString(rs.getFloat("rank"))), id);
			};
		}

	}

	/**
	 * Where a page ended: the sort it belongs to, the sort key values and the id of the
	 * last row. Opaque to clients (URL-safe base64).
	 */
	record Cursor(IssueSort sort, List<String> values, UUID id) {

		String encode() {
			String plain = this.sort + "|" + String.join("|", this.values) + "|" + this.id;
			return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
		}

		static Cursor decode(String encoded, IssueSort expected) {
			try {
				String[] parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8)
					.split("\\|");
				IssueSort sort = IssueSort.valueOf(parts[0]);
				if (sort != expected || parts.length < 3) {
					throw new IllegalArgumentException("cursor of another order");
				}
				Cursor cursor = new Cursor(sort, List.of(parts).subList(1, parts.length - 1),
						UUID.fromString(parts[parts.length - 1]));
				SortKey.of(sort).after(cursor, new LinkedHashMap<>());
				return cursor;
			}
			catch (RuntimeException ex) {
				throw new InvalidField("cursor", "Not a cursor of this list (" + ex.getMessage() + ")");
			}
		}

	}

	private record Row(IssueListing listing, Cursor cursor) {

		static Row of(ResultSet rs, SortKey key) throws SQLException {
			UUID id = rs.getObject("id", UUID.class);
			Person assignee = (rs.getString("assignee_id") != null) ? new Person(rs.getString("assignee_id"),
					rs.getString("assignee_name"), rs.getString("assignee_email")) : null;
			String closeReason = rs.getString("close_reason");
			IssueListing listing = new IssueListing(id, Issue.KEY_PREFIX + rs.getLong("number"), rs.getString("title"),
					rs.getString("description"), IssueSeverity.valueOf(rs.getString("severity")),
					IssueStatus.valueOf(rs.getString("status")),
					(closeReason != null) ? CloseReason.valueOf(closeReason) : null,
					rs.getObject("duplicate_of", UUID.class),
					new Person(rs.getString("reporter_id"), rs.getString("reporter_name"),
							rs.getString("reporter_email")),
					assignee, List.of(), instant(rs, "created_at"), instant(rs, "updated_at"),
					instant(rs, "resolved_at"), rs.getLong("version"));
			return new Row(listing, key.cursorOf(rs, id));
		}

	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
