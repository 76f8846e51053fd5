package dev.tracker.issues.issue.web;

import dev.tracker.devstack.test.KeycloakTokens;
import dev.tracker.devstack.test.KeycloakUsers.TestUser;
import dev.tracker.devstack.test.TestStack;
import dev.tracker.issues.IssueServiceTestUtils.IssueApi;
import dev.tracker.issues.IssueServiceTestUtils.IssueServiceIntegrationTest;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The issue API as a reporter of each test's own and a maintainer use it: a new
 * {@link IssueApi} client, a new reporter and the demo maintainer's token before each
 * test. Test classes carry {@link IssueServiceIntegrationTest}.
 */
abstract class ReporterAndMaintainerIntegrationTest {

	static final TestStack stack = TestStack.get();

	@LocalServerPort
	int port;

	IssueApi api;

	TestUser reporter;

	String maintainer;

	@BeforeEach
	void setUp() {
		this.api = new IssueApi(this.port);
		this.reporter = stack.users().create("REPORTER");
		this.maintainer = stack.tokens().accessToken(KeycloakTokens.MAINTAINER);
	}

}
