package dev.tracker.gateway.docs;

import java.net.http.HttpResponse;

import dev.tracker.devstack.test.TestStack;
import dev.tracker.gateway.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.tracker.gateway.GatewayTestUtils.ISSUES;
import static dev.tracker.gateway.GatewayTestUtils.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/docs}: one Swagger UI over every service's OpenAPI document, open without a
 * token, with the realm's login (authorization code with PKCE, the portal's client) added
 * to each document on its way through.
 */
class ApiDocsIntegrationTest extends GatewayIntegrationTest {

	static final String DOCUMENT = """
			{"openapi": "3.1.0", "info": {"title": "issue-service", "version": "1"},
			 "servers": [{"url": "http://localhost:8081", "description": "Generated server url"}],
			 "paths": {"/api/issues": {"get": {"operationId": "list", "responses": {"200": {"description": "OK"}}}}},
			 "components": {"schemas": {"Issue": {"type": "object"}}}}""";

	@Test
	void swaggerUiOpensWithoutATokenUnderAStrictPolicy() {
		HttpResponse<String> docs = this.http.get("/api/docs", null);
		HttpResponse<String> ui = this.http.get("/api/swagger-ui/index.html", null);
		HttpResponse<String> initializer = this.http.get("/api/swagger-ui/swagger-initializer.js", null);

		assertThat(docs.statusCode()).isEqualTo(302);
		assertThat(docs.headers().firstValue("Location")).hasValue("/api/swagger-ui/index.html");
		assertThat(ui.statusCode()).isEqualTo(200);
		assertThat(ui.body()).contains("swagger-ui-bundle.js").doesNotContainPattern("<script>\\s*\\S");
		assertThat(ui.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((policy) -> assertThat(policy).contains("script-src 'self';", "frame-ancestors 'none'")
				.contains("connect-src 'self' " + TestStack.get().info().keycloakUrl()));
		assertThat(initializer.body()).contains("\"clientId\":\"tracker-portal\"")
			.contains("\"usePkceWithAuthorizationCodeGrant\":true");
	}

	@Test
	void swaggerUiListsEveryServiceAndRedirectsLoginsBackToItself() {
		JsonNode config = json(this.http.get("/v3/api-docs/swagger-config", null).body());

		assertThat(config.get("urls").valueStream().map((url) -> url.get("url").asString())).containsExactlyInAnyOrder(
				"/api/docs/issue-service", "/api/docs/file-service", "/api/docs/stats-service",
				"/api/docs/notification-service");
		assertThat(config.get("oauth2RedirectUrl").asString())
			.isEqualTo("http://localhost:" + this.port + "/api/swagger-ui/oauth2-redirect.html");
		assertThat(this.http.get("/api/swagger-ui/oauth2-redirect.html", null).statusCode()).isEqualTo(200);
	}

	@Test
	void serviceDocumentGetsTheRealmLoginAndTheGatewayAsItsServer() {
		ISSUES.answer(200, DOCUMENT);

		HttpResponse<String> response = this.http.get("/api/docs/issue-service", null);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(ISSUES.requests()).singleElement()
			.satisfies((request) -> assertThat(request.path()).isEqualTo("/v3/api-docs"));
		JsonNode document = json(response.body());
		String realm = TestStack.get().info().issuerUri();
		JsonNode flow = document.at("/components/securitySchemes/keycloak/flows/authorizationCode");
		assertThat(document.at("/components/securitySchemes/keycloak/type").asString()).isEqualTo("oauth2");
		assertThat(flow.get("authorizationUrl").asString()).isEqualTo(realm + "/protocol/openid-connect/auth");
		assertThat(flow.get("tokenUrl").asString()).isEqualTo(realm + "/protocol/openid-connect/token");
		assertThat(document.at("/security/0/keycloak").isArray()).isTrue();
		assertThat(document.at("/servers/0/url").asString()).isEqualTo("/");
		assertThat(document.at("/components/schemas/Issue/type").asString()).isEqualTo("object");
		assertThat(document.at("/paths/~1api~1issues/get/operationId").asString()).isEqualTo("list");
	}

	@Test
	void securitySchemeTheServiceDeclaresItselfIsKept() {
		ISSUES.answer(200, """
				{"openapi": "3.1.0", "paths": {}, "security": [{"own": []}],
				 "components": {"securitySchemes": {"keycloak": {"type": "http", "scheme": "bearer"}}}}""");

		JsonNode document = json(this.http.get("/api/docs/issue-service", null).body());

		assertThat(document.at("/components/securitySchemes/keycloak/type").asString()).isEqualTo("http");
		assertThat(document.at("/security/0/own").isArray()).isTrue();
	}

	@Test
	void failingDocumentIsPassedOnUntouched() {
		ISSUES.answer(500, "{\"status\": 500}");

		HttpResponse<String> response = this.http.get("/api/docs/issue-service", null);

		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(json(response.body()).has("components")).isFalse();
	}

}
