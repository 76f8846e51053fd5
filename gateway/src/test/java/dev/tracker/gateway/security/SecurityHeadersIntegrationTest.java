package dev.tracker.gateway.security;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.tracker.devstack.test.KeycloakTokens;
import dev.tracker.gateway.GatewayIntegrationTest;
import dev.tracker.gateway.GatewayTestUtils;
import org.junit.jupiter.api.Test;

import static dev.tracker.gateway.GatewayTestUtils.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The headers on everything the gateway answers (its own pages, the services' answers,
 * its refusals), HSTS only over TLS, and CORS for the portal's origins only.
 */
class SecurityHeadersIntegrationTest extends GatewayIntegrationTest {

	@Test
	void everyAnswerCarriesTheSecurityHeaders() {
		HttpResponse<?>[] answers = { this.http.get("/", null), this.http.get("/config.json", null),
				this.http.get("/api/issues", token(KeycloakTokens.REPORTER)), this.http.get("/api/issues", null),
				this.http.get("/nothing-here.js", null), this.http.get("/api/swagger-ui/index.html", null) };

		for (HttpResponse<?> answer : answers) {
			String what = answer.request().uri().getPath() + " " + answer.statusCode();
			assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
			assertThat(answer.headers().firstValue("X-Frame-Options")).as(what).hasValue("DENY");
			assertThat(answer.headers().firstValue("Referrer-Policy")).as(what)
				.hasValue("strict-origin-when-cross-origin");
			assertThat(answer.headers().firstValue("Content-Security-Policy")).as(what)
				.hasValueSatisfying((policy) -> assertThat(policy).contains("frame-ancestors 'none'"));
			assertThat(answer.headers().firstValue("Strict-Transport-Security")).as(what).isEmpty();
		}
		assertThat(answers[2].headers().firstValue("Content-Security-Policy"))
			.hasValue("default-src 'none'; frame-ancestors 'none'");
	}

	@Test
	void hstsOnlyWhenServedOverTls() {
		HttpResponse<String> behindTls = this.http
			.send(this.http.request("/", null).header("X-Forwarded-Proto", "https").GET().build());

		assertThat(behindTls.headers().firstValue("Strict-Transport-Security"))
			.hasValueSatisfying((hsts) -> assertThat(hsts).contains("max-age=31536000"));
		assertThat(this.http.get("/", null).headers().firstValue("Strict-Transport-Security")).isEmpty();
	}

	@Test
	void portalOriginMayCallTheApiAcrossOrigins() {
		HttpResponse<String> preflight = preflight("http://localhost:5173");
		HttpResponse<String> call = this.http.send(this.http.request("/api/issues", token(KeycloakTokens.REPORTER))
			.header("Origin", "http://localhost:5173")
			.GET()
			.build());

		assertThat(preflight.statusCode()).isEqualTo(200);
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:5173");
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods"))
			.hasValueSatisfying((methods) -> assertThat(methods).contains("PATCH"));
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
		assertThat(call.statusCode()).isEqualTo(200);
		assertThat(call.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:5173");
		assertThat(call.headers().firstValue("Access-Control-Expose-Headers"))
			.hasValueSatisfying((exposed) -> assertThat(exposed).contains("X-Request-Id", "Location", "ETag"));
	}

	@Test
	void otherOriginsMayNot() {
		HttpResponse<String> preflight = preflight("https://evil.example");
		HttpResponse<String> call = this.http.send(this.http.request("/api/issues", token(KeycloakTokens.REPORTER))
			.header("Origin", "https://evil.example")
			.GET()
			.build());

		assertThat(preflight.statusCode()).isEqualTo(403);
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		assertThat(call.statusCode()).isEqualTo(403);
		assertThat(call.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		assertThat(GatewayTestUtils.forwardedRequests()).isZero();
	}

	private HttpResponse<String> preflight(String origin) {
		return this.http.send(this.http.request("/api/issues", null)
			.header("Origin", origin)
			.header("Access-Control-Request-Method", "PATCH")
			.header("Access-Control-Request-Headers", "authorization, content-type, if-match")
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.build());
	}

}
