package dev.tracker.gateway.portal;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tracker.devstack.test.KeycloakTokens;
import dev.tracker.devstack.test.TestStack;
import dev.tracker.gateway.GatewayIntegrationTest;
import dev.tracker.gateway.GatewayTestUtils;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.tracker.gateway.GatewayTestUtils.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal as the gateway serves it: the single-page fallback for every page path,
 * revalidated on each visit; hashed assets cached for a year; its configuration; and a
 * Content-Security-Policy that allows no inline script but SvelteKit's bootstrap.
 */
class PortalIntegrationTest extends GatewayIntegrationTest {

	static final Pattern ENTRY_SCRIPT = Pattern.compile("/_app/immutable/entry/start\\.[A-Za-z0-9_-]+\\.js");

	private HttpResponse<String> page(String path) {
		return this.http.send(this.http.request(path, null).header("Accept", "text/html,*/*;q=0.8").GET().build());
	}

	@Test
	void everyPagePathGetsThePortalRevalidatedOnEachVisit() {
		for (String path : new String[] { "/", "/issues/3f2b", "/dashboard?range=7d" }) {
			HttpResponse<String> page = page(path);

			assertThat(page.statusCode()).as(path).isEqualTo(200);
			assertThat(page.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
			assertThat(page.body()).contains("__sveltekit");
			assertThat(page.headers().firstValue("Cache-Control")).as(path).hasValue("no-cache");
		}
		assertThat(page("/200.html").headers().firstValue("Cache-Control")).hasValue("no-cache");
	}

	@Test
	void pagePolicyAllowsNoInlineScriptButTheBootstrapByItsHash() {
		HttpResponse<String> page = page("/");

		String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
		String scripts = policy.substring(policy.indexOf("script-src"),
				policy.indexOf(';', policy.indexOf("script-src")));
		assertThat(scripts).contains("'self'").containsPattern("'sha256-[A-Za-z0-9+/=]+'").doesNotContain("unsafe");
		assertThat(policy).contains("frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'")
			.contains("connect-src 'self' " + TestStack.get().info().keycloakUrl());
	}

	@Test
	void hashedAssetsAreCachedForAYear() {
		Matcher entry = ENTRY_SCRIPT.matcher(page("/").body());
		assertThat(entry.find()).isTrue();

		HttpResponse<String> asset = this.http.get(entry.group(), null);

		assertThat(asset.statusCode()).isEqualTo(200);
		assertThat(asset.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
		assertThat(asset.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
	}

	@Test
	void configurationTellsThePortalWhereToSignIn() {
		HttpResponse<String> response = this.http.get("/config.json", null);

		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
		JsonNode config = GatewayTestUtils.json(response.body());
		assertThat(config.get("keycloakUrl").asString()).isEqualTo(TestStack.get().info().keycloakUrl());
		assertThat(config.get("realm").asString()).isEqualTo("tracker");
		assertThat(config.get("clientId").asString()).isEqualTo("tracker-portal");
	}

	@Test
	void unknownFileOrApiPathIsA404ProblemNotAPage() {
		GatewayTestUtils.assertProblem(this.http.get("/nothing-here.js", null), 404,
				"https://tracker.dev/problems/not-found");
		GatewayTestUtils.assertProblem(this.http.get("/api/nothing-here", token(KeycloakTokens.REPORTER)), 404,
				"https://tracker.dev/problems/not-found");
	}

	@Test
	void writingToThePortalIsRefusedWithAProblem() {
		GatewayTestUtils.assertProblem(this.http.post("/config.json", token(KeycloakTokens.ADMIN), "{}"), 403,
				"https://tracker.dev/problems/forbidden");
		GatewayTestUtils.assertProblem(this.http.post("/config.json", null, "{}"), 401,
				"https://tracker.dev/problems/unauthorized");
	}

}
