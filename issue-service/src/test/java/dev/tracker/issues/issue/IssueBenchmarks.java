package dev.tracker.issues.issue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import dev.tracker.devstack.test.TestStack;
import dev.tracker.events.IssueSeverity;
import dev.tracker.issues.IssueServiceApplication;
import dev.tracker.issues.security.Caller;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The measurements of issue 3, on real PostgreSQL and Kafka. Not a test: it asserts
 * nothing and prints (and appends to {@code target/benchmarks.txt}) what it measured. Run
 * with {@code ./mvnw -pl issue-service -am verify -Pbenchmark}.
 * <ul>
 * <li>Keyset paging at 1 000 000 issues: a page deep in the list ÷ the first page (and
 * OFFSET for comparison).</li>
 * <li>Full text at 1 000 000 issues, a term with about 5 000 matches: p50/p95 latency of
 * the first page.</li>
 * <li>Issue creation throughput with the outbox publishing to Kafka ÷ the same without
 * publishing.</li>
 * </ul>
 * Latencies are of {@link IssueSearch#find} (the query and its mapping, no HTTP), medians
 * and p95 over many runs after warm-up.
 */
@Tag("benchmark")
class IssueBenchmarks {

	private static final int ISSUES = Integer.getInteger("bench.issues", 1_000_000);

	private static final int RUNS = 200;

	private final List<String> report = new ArrayList<>();

	@Test
	void measure() throws Exception {
		TestStack stack = TestStack.get();
		Map<String, Object> base = new LinkedHashMap<>(stack.environmentFor("issue-service"));
		try (ConfigurableApplicationContext context = start(base, true)) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			IssueSearch search = context.getBean(IssueSearch.class);
			long started = System.nanoTime();
			load(jdbc);
			line("Loaded %,d issues in %.0f s", ISSUES, (System.nanoTime() - started) / 1e9);
			keysetPaging(jdbc, search);
			fullText(jdbc, search);
		}
		creationThroughput(stack);
		Path out = Path.of("target/benchmarks.txt");
		Files.write(out, this.report, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
	}

	private static ConfigurableApplicationContext start(Map<String, Object> environment, boolean publishing) {
		Map<String, Object> properties = new LinkedHashMap<>(environment);
		properties.put("spring.modulith.events.externalization.enabled", Boolean.toString(publishing));
		properties.put("server.port", "0");
		properties.put("logging.level.root", "WARN");
		return new SpringApplicationBuilder(IssueServiceApplication.class).properties(properties).run();
	}

	/**
	 * 1 000 000 issues over two years, ~0.5 % mentioning "kerberos" in the description.
	 */
	private static void load(JdbcClient jdbc) {
		jdbc.sql("""
				INSERT INTO issues (id, number, title, description, severity, status, reporter_id, reporter_name,
				        reporter_email, created_at, updated_at, version)
				SELECT gen_random_uuid(), nextval('issue_number_seq'),
				       (ARRAY['Upload fails', 'Invoice total wrong', 'Screenshot of broken layout', 'Login loops',
				              'Export drops rows', 'Slow list', 'Typo on page', 'Crash on save'])[1 + i % 8]
				         || ' #' || i,
				       'Seen on build ' || (i % 97) || CASE WHEN i % 200 = 0 THEN ' after the kerberos ticket expired'
				              ELSE ' with the usual steps to reproduce' END,
				       (ARRAY['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'])[1 + i % 4],
				       (ARRAY['OPEN', 'TRIAGED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'])[1 + i % 5],
				       'reporter-' || (i % 1000), 'Reporter ' || (i % 1000), 'r' || (i % 1000) || '@example.com',
				       now() - make_interval(secs => i * 63), now() - make_interval(secs => i * 63), 0
				FROM generate_series(1, :n) AS i""").param("n", ISSUES).update();
		// the state autovacuum keeps a table in: statistics, visibility map and hint bits
		// set
		jdbc.sql("VACUUM (ANALYZE) issues").update();
	}

	private void keysetPaging(JdbcClient jdbc, IssueSearch search) {
		IssueQuery first = query(null, null);
		Map<String, Object> deepRow = jdbc.sql("""
				SELECT created_at, id FROM issues WHERE deleted_at IS NULL
				ORDER BY created_at DESC, id DESC OFFSET :offset LIMIT 1""")
			.param("offset", ISSUES * 9 / 10)
			.query()
			.singleRow();
		String deepCursor = new IssueSearch.Cursor(IssueSort.NEWEST,
				List.of(((java.sql.Timestamp) deepRow.get("created_at")).toInstant().toString()),
				(UUID) deepRow.get("id"))
			.encode();
		IssueQuery deep = query(null, deepCursor);
		Stats firstPage = time(() -> search.find(first));
		Stats deepPage = time(() -> search.find(deep));
		Stats offset = time(10, () -> jdbc.sql("""
				SELECT id FROM issues WHERE deleted_at IS NULL ORDER BY created_at DESC, id DESC
				OFFSET :offset LIMIT 20""").param("offset", ISSUES * 9 / 10).query().listOfRows());
		line("Keyset paging, %,d issues, page of 20 at 90 %% depth vs first page:", ISSUES);
		line("  first page  %s", firstPage);
		line("  deep page   %s", deepPage);
		line("  deep ÷ first (median) = %.2f   (target ≤ 2)", deepPage.median / firstPage.median);
		line("  OFFSET at the same depth %s → %.0f× the keyset first page", offset, offset.median / firstPage.median);
	}

	private void fullText(JdbcClient jdbc, IssueSearch search) {
		long matches = jdbc
			.sql("SELECT count(*) FROM issues WHERE search @@ websearch_to_tsquery('english', 'kerberos')")
			.query(Long.class)
			.single();
		Stats relevance = time(() -> search.find(query("kerberos", null)));
		line("Full text 'kerberos' (%,d matches of %,d), first page by relevance: %s   (target p95 ≤ 10 ms)", matches,
				ISSUES, relevance);
	}

	private static IssueQuery query(String text, String cursor) {
		return new IssueQuery(Set.of(), Set.of(), null, null, null, null, text, null, cursor, 20);
	}

	/**
	 * Both variants twice, alternating, each in a fresh application context; the second
	 * round of each counts, so neither pays the JIT's warm-up for the other.
	 */
	private void creationThroughput(TestStack stack) throws Exception {
		int count = Integer.getInteger("bench.creations", 12000);
		double withOutbox = 0;
		double without = 0;
		for (int round = 0; round < 2; round++) {
			without = createMany(stack, false, count);
			withOutbox = createMany(stack, true, count);
			line("  round %d: with outbox → Kafka %.0f/s, without publishing %.0f/s", round + 1, withOutbox, without);
		}
		line("Creating %,d issues with 4 threads (second round): with outbox → Kafka %.0f/s, without publishing %.0f/s",
				count, withOutbox, without);
		line("  with ÷ without = %.2f   (target ≥ 0.8)", withOutbox / without);
	}

	private double createMany(TestStack stack, boolean publishing, int count) throws Exception {
		try (ConfigurableApplicationContext context = start(new LinkedHashMap<>(stack.environmentFor("issue-service")),
				publishing)) {
			IssueService service = context.getBean(IssueService.class);
			Caller caller = new Caller("bench-" + publishing, "Bench", "bench@example.com", Set.of("REPORTER"));
			NewIssue issue = new NewIssue("Benchmark issue", "Created by the benchmark", IssueSeverity.MEDIUM,
					List.of());
			for (int i = 0; i < 300; i++) {
				service.report(issue, caller);
			}
			ExecutorService threads = Executors.newFixedThreadPool(4);
			long started = System.nanoTime();
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < 4; t++) {
				futures.add(threads.submit(() -> {
					for (int i = 0; i < count / 4; i++) {
						service.report(issue, caller);
					}
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
			double seconds = (System.nanoTime() - started) / 1e9;
			threads.shutdown();
			if (publishing) {
				JdbcClient jdbc = context.getBean(JdbcClient.class);
				long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
				long outstanding;
				while ((outstanding = jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
					.query(Long.class)
					.single()) > 0 && System.nanoTime() < deadline) {
					Thread.sleep(200);
				}
				line("  all sent to Kafka %.1f s after the last creation (%d still outstanding)",
						(System.nanoTime() - started) / 1e9 - seconds, outstanding);
			}
			return (count / 4 * 4) / seconds;
		}
	}

	private static Stats time(Supplier<?> action) {
		return time(RUNS, action);
	}

	private static Stats time(int runs, Supplier<?> action) {
		for (int i = 0; i < Math.max(3, runs / 10); i++) {
			action.get();
		}
		List<Double> millis = new ArrayList<>();
		for (int i = 0; i < runs; i++) {
			long started = System.nanoTime();
			action.get();
			millis.add((System.nanoTime() - started) / 1e6);
		}
		Collections.sort(millis);
		return new Stats(millis.get(millis.size() / 2), millis.get((int) Math.ceil(millis.size() * 0.95) - 1), runs);
	}

	private void line(String format, Object... args) {
		String line = String.format(Locale.ROOT, format, args);
		System.out.println("[benchmark] " + line);
		this.report.add(line);
	}

	private record Stats(double median, double p95, int runs) {

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "median %.2f ms, p95 %.2f ms (%d runs)", this.median, this.p95,
					this.runs);
		}

	}

}
