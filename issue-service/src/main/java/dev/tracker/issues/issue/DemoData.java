package dev.tracker.issues.issue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

import dev.tracker.events.IssueSeverity;
import dev.tracker.events.IssueStatus;
import dev.tracker.issues.security.Caller;
import dev.tracker.issues.user.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data for a newcomer's first {@code ./tracker up}: about forty realistic issues of
 * the three demo users, across every status and severity, with comments and history
 * spread over the last month. Everything goes through the domain, so each change has its
 * activity entry and its event (the stats and live streams see them too). Runs once per
 * database (a row in {@code seed_runs} says it ran), only when
 * {@code tracker.demo-data.enabled} is set — never in tests unless asked.
 */
@Component
@ConditionalOnBooleanProperty("tracker.demo-data.enabled")
class DemoData implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(DemoData.class);

	static final String RUN = "demo-data-v1";

	/** The demo users of the dev realm (auth/), whose ids the realm fixes. */
	static final Caller ADMIN = new Caller("7d6c1a00-0000-4000-8000-000000000001", "Ada Admin", "admin@example.com",
			Set.of("ADMIN"));

	static final Caller MAINTAINER = new Caller("7d6c1a00-0000-4000-8000-000000000002", "Max Maintainer",
			"maintainer@example.com", Set.of("MAINTAINER"));

	static final Caller REPORTER = new Caller("7d6c1a00-0000-4000-8000-000000000003", "Rita Reporter",
			"reporter@example.com", Set.of("REPORTER"));

	private static final List<String[]> REPORTS = List.of(new String[] { "Invoice PDF totals are off by one cent",
			"The attached invoice for **March** shows `€1,249.99` in the summary but `€1,250.00` in the table.\n\nLooks like rounding per line vs. per total." },
			new String[] { "Screenshot: checkout button hidden behind cookie banner",
					"On a 1366×768 laptop the banner covers *Pay now*. Screenshot attached." },
			new String[] { "Export to CSV drops rows with commas in the title",
					"Steps:\n1. Create an issue titled `a, b`\n2. Export the list\n\nThe row is missing from the file." },
			new String[] { "Login page loops after password reset",
					"After resetting my password, the login page redirects back to itself forever." },
			new String[] { "Server log fills with 'connection reset' warnings",
					"```\nWARN  c.z.h.p.PoolBase - Failed to validate connection (Connection reset)\n```\nAbout 200 per minute since Monday." },
			new String[] { "Mobile: issue list does not scroll on iOS 17", "Swiping does nothing in Safari." },
			new String[] { "Typo on the onboarding screen", "It says *recieve* instead of *receive*." },
			new String[] { "Dark mode: severity badges unreadable", "Yellow text on a white badge in dark mode." },
			new String[] { "Upload of a 20 MB log file times out",
					"The upload bar reaches 100% and then an error appears after a minute." },
			new String[] { "Invoice numbers skip from 1041 to 1043",
					"Our accountant noticed a gap in the invoice sequence for April." },
			new String[] { "Search does not find words in comments",
					"Searching for *kerberos* finds nothing though a comment mentions it." },
			new String[] { "Email notifications arrive twice", "Every status change mail arrives in duplicate." },
			new String[] { "Date picker shows US format for German users", "Expected `31.12.2026`, got `12/31/2026`." },
			new String[] { "Crash when opening an issue with an empty description",
					"Stack trace from the browser console is in the attached log." },
			new String[] { "Dashboard counts do not match the list",
					"Dashboard says 12 open, the filtered list shows 11." },
			new String[] { "Screenshot: table header misaligned in Firefox", "See attached screenshot, 1px offset." },
			new String[] { "Add keyboard shortcut to create an issue", "Something like `c` as in other trackers." },
			new String[] { "API returns 500 for an unknown sort order", "`GET /api/issues?sort=foo` returns 500." },
			new String[] { "Password rules are not shown before submitting",
					"I only learn about the minimum length after the form is rejected." },
			new String[] { "Attachment preview shows a broken image for WEBP", "PNG and JPEG work." },
			new String[] { "Slow issue list with many attachments", "Loading takes ~4 s for issues with 30 files." },
			new String[] { "Log viewer strips ANSI colours", "Would be nice to keep them, or strip them cleanly." },
			new String[] { "Invoice upload rejects scanned TIFF files", "Our scanner only produces TIFF." },
			new String[] { "Wrong timezone in activity history", "Times are shown in UTC instead of my local time." },
			new String[] { "Reopened issue keeps its old resolution date",
					"The *resolved* date stays after reopening." },
			new String[] { "Markdown tables lose their alignment", "| a | b |\n|:--|--:|\n| left | right |" },
			new String[] { "Session expires while writing a long comment", "Lost 20 minutes of writing." },
			new String[] { "Screenshot: overlapping labels in the weekly chart", "Labels overlap below 800px width." },
			new String[] { "Duplicate issue keys after restore from backup", "Two issues show TRK-17." },
			new String[] { "Feature: filter by several statuses at once", "E.g. open *and* triaged." },
			new String[] { "Broken link in the help footer", "The *Privacy* link goes to a 404 page." },
			new String[] { "CSV import ignores the severity column", "All imported issues end up MEDIUM." },
			new String[] { "Assignee dropdown lists deactivated users", "Former colleagues still appear." },
			new String[] { "Live updates stop after laptop sleep", "After waking up, new issues no longer appear." },
			new String[] { "PDF invoice shows the wrong VAT rate", "19% instead of 7% for books." },
			new String[] { "Log upload accepted an executable", "A `.exe` renamed to `.log` was accepted." },
			new String[] { "Keyboard focus invisible on buttons", "Hard to navigate without a mouse." },
			new String[] { "Stats page empty for new reporters", "Shows a spinner forever when you have no issues." },
			new String[] { "Notification badge count never resets", "Stays at 3 after reading everything." },
			new String[] { "Request: attach files by drag and drop", "Dropping a file on the form does nothing." });

	private static final List<String> COMMENTS = List.of("I can reproduce this on staging.",
			"Thanks for the report — looking into it.", "Same here, since the last release.",
			"Could you attach the full log?", "Fixed in the next build, please verify.",
			"This is expected behaviour; see the docs.", "Workaround: reload the page twice.",
			"Bumping: this affects our month-end closing.");

	private final IssueService service;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final MovableClock clock;

	DemoData(Issues issues, Comments comments, ActivityLog activity, UserDirectory directory, IssueSettings settings,
			JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
		this.clock = new MovableClock(Instant.now(clock));
		this.service = new IssueService(issues, comments, activity, directory, settings, this.clock);
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		Boolean claimed = this.transactions.execute((status) -> this.jdbc
			.sql("INSERT INTO seed_runs (name, at) VALUES (:name, now()) ON CONFLICT (name) DO NOTHING")
			.param("name", RUN)
			.update() == 1);
		if (!Boolean.TRUE.equals(claimed)) {
			logger.info("Demo data was loaded before; leaving the issues as they are");
			return;
		}
		Random random = new Random(42);
		Instant start = this.clock.instant().minus(Duration.ofDays(30));
		List<Caller> reporters = List.of(REPORTER, REPORTER, REPORTER, MAINTAINER, ADMIN);
		IssueSeverity[] severities = IssueSeverity.values();
		for (int i = 0; i < REPORTS.size(); i++) {
			Instant reportedAt = start.plus(Duration.ofHours(17L * i + random.nextInt(12)));
			Caller reporter = reporters.get(random.nextInt(reporters.size()));
			IssueSeverity severity = severities[Math.min(severities.length - 1, random.nextInt(5))];
			String[] report = REPORTS.get(i);
			Issue issue = at(reportedAt,
					() -> this.service.report(new NewIssue(report[0], report[1], severity, List.of()), reporter));
			play(issue, reporter, i, reportedAt, random);
		}
		logger.info("Loaded {} demo issues", REPORTS.size());
	}

	/**
	 * Moves a demo issue through a part of the workflow, with comments, in steps of a few
	 * hours.
	 */
	private void play(Issue reported, Caller reporter, int index, Instant reportedAt, Random random) {
		Step step = new Step(reported, reportedAt, random);
		int story = index % 8;
		if (story >= 1) {
			step.comment((index % 2 == 0) ? MAINTAINER : ADMIN, COMMENTS.get(random.nextInt(COMMENTS.size())));
			step.move(MAINTAINER, IssueStatus.TRIAGED, null);
			step.run((issue) -> this.service.edit(issue.id(), issue.version(),
					new IssueEdit(null, null, null, Patch.to(person(MAINTAINER))), MAINTAINER));
		}
		if (story >= 3) {
			step.move(MAINTAINER, IssueStatus.IN_PROGRESS, null);
		}
		if (story >= 4) {
			step.comment(reporter, COMMENTS.get(random.nextInt(COMMENTS.size())));
			step.move(MAINTAINER, IssueStatus.RESOLVED, null);
		}
		if (story >= 6) {
			step.move(ADMIN, IssueStatus.CLOSED, null);
		}
		if (story == 7 && index % 3 == 0) {
			step.move(reporter, IssueStatus.OPEN, null);
		}
		if (story == 2) {
			step.move(ADMIN, IssueStatus.CLOSED,
					(index % 4 == 2) ? CloseReason.WONT_FIX : CloseReason.CANNOT_REPRODUCE);
		}
	}

	private static Person person(Caller caller) {
		return new Person(caller.id(), caller.name(), caller.email());
	}

	private <T> T at(Instant instant, java.util.function.Supplier<T> action) {
		this.clock.set(instant);
		return this.transactions.execute((status) -> action.get());
	}

	/** One demo issue's story, advancing its time by a few hours per step. */
	private final class Step {

		private Issue issue;

		private Instant time;

		private final Random random;

		Step(Issue issue, Instant time, Random random) {
			this.issue = issue;
			this.time = time;
			this.random = random;
		}

		void move(Caller caller, IssueStatus to, CloseReason reason) {
			run((current) -> this.issue = DemoData.this.service.transition(current.id(), current.version(), to, reason,
					null, caller));
		}

		void comment(Caller caller, String body) {
			run((current) -> DemoData.this.service.comment(current.id(), body, caller));
		}

		void run(Consumer<Issue> action) {
			this.time = this.time.plus(Duration.ofMinutes(30 + this.random.nextInt(600)));
			if (this.time.isAfter(Instant.now())) {
				return;
			}
			at(this.time, () -> {
				action.accept(DemoData.this.service.get(this.issue.id(), ADMIN));
				return null;
			});
			this.issue = at(this.time, () -> DemoData.this.service.get(this.issue.id(), ADMIN));
		}

	}

	/** A clock that demo data sets to the time of each step. */
	private static final class MovableClock extends Clock {

		private Instant instant;

		MovableClock(Instant instant) {
			this.instant = instant;
		}

		void set(Instant instant) {
			this.instant = instant;
		}

		@Override
		public Instant instant() {
			return this.instant;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
