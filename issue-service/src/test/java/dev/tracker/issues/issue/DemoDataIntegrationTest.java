package dev.tracker.issues.issue;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.tracker.devstack.test.TestStack;
import dev.tracker.issues.IssueServiceTestUtils;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Demo data on an empty database: a living system across every status and severity,
 * loaded once.
 */
@SpringBootTest
class DemoDataIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoData demoData;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		Map<String, String> environment = new LinkedHashMap<>(TestStack.get().environmentFor("issue-service"));
		environment.put("tracker.demo-data.enabled", "true");
		IssueServiceTestUtils.registerServers(registry, environment);
	}

	@Test
	void demoIssuesCoverEveryStatusAndSeverityWithCommentsAndHistoryAndLoadOnce() {
		long issues = count("SELECT count(*) FROM issues");

		assertThat(issues).isBetween(35L, 50L);
		assertThat(count("SELECT count(DISTINCT status) FROM issues")).isEqualTo(5);
		assertThat(count("SELECT count(DISTINCT severity) FROM issues")).isEqualTo(4);
		assertThat(count("SELECT count(DISTINCT reporter_id) FROM issues")).isEqualTo(3);
		assertThat(count("SELECT count(*) FROM comments")).isGreaterThan(20);
		assertThat(count("SELECT count(*) FROM issues WHERE assignee_id IS NOT NULL")).isGreaterThan(10);
		assertThat(count("SELECT count(*) FROM activity")).isGreaterThan(issues * 2);
		assertThat(count("SELECT count(*) FROM issues WHERE created_at > now() - interval '31 days'"))
			.isEqualTo(issues);

		this.demoData.run(null);

		assertThat(count("SELECT count(*) FROM issues")).isEqualTo(issues);
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
