package dev.tracker.issues.issue.web;

import dev.tracker.devstack.test.KeycloakTokens;
import dev.tracker.devstack.test.TestStack;
import dev.tracker.issues.IssueServiceTestUtils.IssueApi;
import dev.tracker.issues.IssueServiceTestUtils.IssueServiceIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * After the edit window, an author can no longer change their comment; an administrator
 * still can.
 */
@IssueServiceIntegrationTest
@TestPropertySource(properties = "tracker.issues.comment-edit-window=2s")
class CommentEditWindowIntegrationTest {

	private static final TestStack stack = TestStack.get();

	@LocalServerPort
	int port;

	@Test
	void authorCannotChangeACommentOnceTheWindowHasPassed() {
		IssueApi api = new IssueApi(this.port);
		String reporter = stack.tokens().accessToken(KeycloakTokens.REPORTER);
		String id = api.report(reporter, "Window", "LOW").id();
		String path = "/api/issues/" + id + "/comments/" + api.comment(reporter, id, "quick").id();

		await().pollDelay(java.time.Duration.ofMillis(2500))
			.untilAsserted(() -> assertThat(api.patchJson(reporter, path, "{\"body\": \"too late\"}").status())
				.isEqualTo(403));
		assertThat(api.delete(reporter, path).status()).isEqualTo(403);
		assertThat(api.patchJson(stack.tokens().accessToken(KeycloakTokens.ADMIN), path, "{\"body\": \"moderated\"}")
			.status()).isEqualTo(200);
	}

}
