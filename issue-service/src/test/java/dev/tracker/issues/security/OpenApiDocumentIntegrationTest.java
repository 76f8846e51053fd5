package dev.tracker.issues.security;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import dev.tracker.devstack.test.TestHttp;
import dev.tracker.issues.IssueServiceTestUtils.IssueServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document (what Swagger UI at the gateway's {@code /api/docs} offers) is
 * open and describes what a client sends: the caller comes from the token, so none of its
 * fields may appear as a request parameter.
 */
@IssueServiceIntegrationTest
class OpenApiDocumentIntegrationTest {

	@LocalServerPort
	int port;

	@Test
	void operationsDoNotOfferTheCallersFieldsAsParameters() {
		HttpResponse<String> response = new TestHttp("http://localhost:" + this.port).get("/v3/api-docs", null);
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode document = JsonMapper.builder().build().readTree(response.body());

		List<String> parameters = new ArrayList<>();
		document.get("paths")
			.forEach((path) -> path.forEach((operation) -> operation.path("parameters")
				.forEach((parameter) -> parameters.add(parameter.get("name").asString()))));

		assertThat(document.at("/info/title").asString()).isEqualTo("Issue service");
		assertThat(parameters).contains("q", "size", "cursor").doesNotContain("caller");
		assertThat(document.at("/components/schemas").has("Caller")).isFalse();
	}

}
