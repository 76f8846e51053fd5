package dev.tracker.gateway.security;

import java.net.http.HttpResponse;

import dev.tracker.devstack.test.KeycloakTokens;
import dev.tracker.devstack.test.TestStack;
import dev.tracker.devstack.test.TokenAttacks;
import dev.tracker.devstack.test.TokenAttacks.Attack;
import dev.tracker.gateway.GatewayIntegrationTest;
import dev.tracker.gateway.GatewayTestUtils;
import org.junit.jupiter.api.Test;

import static dev.tracker.gateway.GatewayTestUtils.ISSUES;
import static dev.tracker.gateway.GatewayTestUtils.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forged, unsigned, re-signed and tampered tokens against the gateway trusting the real
 * Keycloak: each is refused with a 401 problem and never reaches a service; Keycloak's
 * own tokens pass unchanged.
 */
class TokenAttackIntegrationTest extends GatewayIntegrationTest {

	private static String jwkSetUri() {
		return TestStack.get().info().issuerUri() + "/protocol/openid-connect/certs";
	}

	@Test
	void forgedTokensAreRefusedWithProblemAndNeverForwarded() {
		var attacks = TokenAttacks.forgeries(token(KeycloakTokens.REPORTER), jwkSetUri());

		TokenAttacks.assertAllRefused(this.http, "/api/issues", attacks);

		assertThat(GatewayTestUtils.forwardedRequests()).isZero();
	}

	@Test
	void refusalIsAProblemOfAStableTypeWithTheBearerChallenge() {
		HttpResponse<String> none = TokenAttacks.send(this.http, "/api/issues", new Attack("no token", null));
		HttpResponse<String> forged = TokenAttacks.send(this.http, "/api/stats/summary",
				new Attack("garbage", "Bearer not-a-token"));

		var problem = GatewayTestUtils.assertProblem(none, 401, "https://tracker.dev/problems/unauthorized");
		assertThat(problem.get("instance").asString()).isEqualTo("/api/issues");
		assertThat(problem.get("requestId").asString()).isNotBlank();
		assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		GatewayTestUtils.assertProblem(forged, 401, "https://tracker.dev/problems/unauthorized");
		assertThat(forged.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer error=\"invalid_token\""));
	}

	@Test
	void keycloakTokensPassAndReachTheServiceUnchanged() {
		for (String user : new String[] { KeycloakTokens.REPORTER, KeycloakTokens.MAINTAINER, KeycloakTokens.ADMIN }) {
			String token = token(user);

			HttpResponse<String> response = this.http.get("/api/issues?size=20", token);

			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			assertThat(ISSUES.requests().get(ISSUES.requests().size() - 1).header("Authorization"))
				.isEqualTo("Bearer " + token);
		}
	}

	@Test
	void tokenOfAFreshlyMadeUserPasses() {
		String token = TestStack.get().users().create("REPORTER").accessToken();

		assertThat(this.http.get("/api/issues", token).statusCode()).isEqualTo(200);
	}

}
