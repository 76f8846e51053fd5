package dev.tracker.issues.issue.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.tracker.issues.IssueServiceTestUtils;
import dev.tracker.issues.IssueServiceTestUtils.IssueServiceIntegrationTest;
import dev.tracker.issues.IssueServiceTestUtils.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding issues: filters, full text over title, description and comments, every sort
 * order paged with cursors. Each test works on the issues of a reporter of its own.
 */
@IssueServiceIntegrationTest
class IssueSearchIntegrationTest extends ReporterAndMaintainerIntegrationTest {

	private List<String> titles(String query) {
		Response page = this.api.get(this.maintainer, "/api/issues?reporter=" + this.reporter.id() + "&" + query);
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		return page.json().get("items").findValuesAsString("title");
	}

	@Test
	void filtersCombineAndSeveralStatusesOrSeveritiesMatchAnyOfThem() {
		String token = this.reporter.accessToken();
		String low = this.api.report(token, "low open", "LOW").id();
		String high = this.api.report(token, "high triaged", "HIGH").id();
		this.api.move(this.maintainer, high, "TRIAGED", null);
		String critical = this.api.report(token, "critical closed", "CRITICAL").id();
		this.api.move(this.maintainer, critical, "CLOSED", "\"reason\": \"WONT_FIX\"");
		Response assigned = this.api.issue(this.maintainer, low);
		this.api.patch(this.maintainer, low, assigned.etag(),
				"{\"assigneeId\": \"" + IssueServiceTestUtils.subjectOf(this.maintainer) + "\"}");

		assertThat(titles("status=OPEN,TRIAGED")).containsExactlyInAnyOrder("low open", "high triaged");
		assertThat(titles("status=OPEN&status=CLOSED")).containsExactlyInAnyOrder("low open", "critical closed");
		assertThat(titles("severity=HIGH,CRITICAL&status=TRIAGED")).containsExactly("high triaged");
		assertThat(titles("assignee=me")).containsExactly("low open");
		assertThat(titles("assignee=none")).containsExactlyInAnyOrder("high triaged", "critical closed");
		assertThat(titles("createdFrom=2000-01-01T00:00:00Z&createdTo=2001-01-01T00:00:00Z")).isEmpty();
		assertThat(titles("createdFrom=2000-01-01T00:00:00Z")).hasSize(3);
	}

	@Test
	void fullTextFindsWordsInTitleDescriptionAndCommentsBestMatchFirst() {
		String token = this.reporter.accessToken();
		this.api.post(token, "/api/issues",
				"{\"title\": \"Printer offline\", \"description\": \"The kerberos ticket expired\", \"severity\": \"LOW\"}");
		this.api.report(token, "Kerberos login fails", "LOW");
		String viaComment = this.api.report(token, "Cannot log in", "LOW").id();
		this.api.comment(this.maintainer, viaComment, "Probably the **Kerberos** realm again");
		this.api.report(token, "Unrelated", "LOW");

		List<String> found = titles("q=" + URLEncoder.encode("kerberos", StandardCharsets.UTF_8));

		assertThat(found).containsExactlyInAnyOrder("Kerberos login fails", "Printer offline", "Cannot log in");
		assertThat(found.get(0)).isEqualTo("Kerberos login fails");
		assertThat(titles("q=" + URLEncoder.encode("expiring tickets", StandardCharsets.UTF_8)))
			.containsExactly("Printer offline");
		assertThat(titles("q=" + URLEncoder.encode("\"realm again\"", StandardCharsets.UTF_8)))
			.containsExactly("Cannot log in");
	}

	@Test
	void fullTextPagesThroughItsMatchesOnceByRelevanceAndByAnotherSort() {
		String token = this.reporter.accessToken();
		this.api.report(token, "Scanner jams", "LOW");
		this.api.report(token, "Scanner scanner scanner jams again", "LOW");
		this.api.post(token, "/api/issues",
				"{\"title\": \"Paper tray\", \"description\": \"The scanner beeps\", \"severity\": \"LOW\"}");
		this.api.report(token, "Printer smudges", "LOW");
		String q = "q=" + URLEncoder.encode("scanner", StandardCharsets.UTF_8);

		List<String> byRelevance = titlesOfAll(q, 100);

		assertThat(byRelevance).containsExactly("Scanner scanner scanner jams again", "Scanner jams", "Paper tray");
		assertThat(titlesOfAll(q, 1)).containsExactlyElementsOf(byRelevance);
		assertThat(titlesOfAll(q + "&sort=oldest", 1)).containsExactly("Scanner jams",
				"Scanner scanner scanner jams again", "Paper tray");
	}

	@ParameterizedTest
	@ValueSource(strings = { "newest", "oldest", "updated", "severity" })
	void everySortPagesThroughAllIssuesOnceInOrder(String sort) {
		String token = this.reporter.accessToken();
		String[] severities = { "LOW", "CRITICAL", "MEDIUM", "HIGH", "LOW", "CRITICAL", "MEDIUM" };
		for (int i = 0; i < severities.length; i++) {
			this.api.report(token, "Issue " + i, severities[i]);
		}
		List<String> all = titlesOfAll("sort=" + sort, 100);
		List<String> paged = titlesOfAll("sort=" + sort, 2);

		assertThat(paged).containsExactlyElementsOf(all).hasSize(severities.length);
		switch (sort) {
			case "newest", "updated" -> assertThat(all).containsExactly("Issue 6", "Issue 5", "Issue 4", "Issue 3",
					"Issue 2", "Issue 1", "Issue 0");
			case "oldest" -> assertThat(all).containsExactly("Issue 0", "Issue 1", "Issue 2", "Issue 3", "Issue 4",
					"Issue 5", "Issue 6");
			case "severity" -> assertThat(all).containsExactly("Issue 5", "Issue 1", "Issue 3", "Issue 6", "Issue 2",
					"Issue 4", "Issue 0");
			default -> throw new IllegalArgumentException(sort);
		}
	}

	@Test
	void recentlyUpdatedComesFirstWhenSortingByUpdates() {
		String token = this.reporter.accessToken();
		String first = this.api.report(token, "First", "LOW").id();
		this.api.report(token, "Second", "LOW");
		this.api.comment(token, first, "bump");

		assertThat(titles("sort=updated")).containsExactly("First", "Second");
	}

	private List<String> titlesOfAll(String query, int size) {
		List<String> titles = new ArrayList<>();
		String cursor = null;
		do {
			Response page = this.api.get(this.maintainer, "/api/issues?reporter=" + this.reporter.id() + "&size=" + size
					+ "&" + query + ((cursor != null) ? "&cursor=" + cursor : ""));
			assertThat(page.status()).as(page.body()).isEqualTo(200);
			JsonNode json = page.json();
			titles.addAll(json.get("items").findValuesAsString("title"));
			cursor = json.get("nextCursor").isNull() ? null : json.get("nextCursor").asString();
			assertThat(titles.size()).as("pages never end").isLessThan(1000);
		}
		while (cursor != null);
		return titles;
	}

	@Test
	void badQueriesAreProblemsNamingTheParameter() {
		assertThat(field("/api/issues?size=101")).isEqualTo("size");
		assertThat(field("/api/issues?status=DONE")).isEqualTo("status");
		assertThat(field("/api/issues?sort=random")).isEqualTo("sort");
		assertThat(field("/api/issues?sort=relevance")).isEqualTo("sort");
		assertThat(field("/api/issues?cursor=bm90LWEtY3Vyc29y")).isEqualTo("cursor");
		String newestCursor = this.api.get(this.maintainer, "/api/issues?size=1").json().get("nextCursor").asString();
		assertThat(field("/api/issues?sort=oldest&cursor=" + newestCursor)).isEqualTo("cursor");
	}

	private String field(String path) {
		Response response = this.api.get(this.maintainer, path);
		assertThat(response.status()).as(path).isEqualTo(400);
		return response.json().get("errors").get(0).get("field").asString();
	}

}
