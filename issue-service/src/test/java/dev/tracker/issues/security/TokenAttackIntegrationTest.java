package dev.tracker.issues.security;

import java.net.http.HttpResponse;

import dev.tracker.devstack.test.KeycloakTokens;
import dev.tracker.devstack.test.TestHttp;
import dev.tracker.devstack.test.TestStack;
import dev.tracker.devstack.test.TokenAttacks;
import dev.tracker.issues.IssueServiceTestUtils.IssueServiceIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issue service checks every token itself, as if the gateway were not there: forged,
 * unsigned, re-signed and tampered tokens (made from a real Keycloak token and the
 * realm's public keys) are refused with {@code 401}, the bearer challenge and a problem
 * body, on reads and on writes; the real token passes.
 */
@IssueServiceIntegrationTest
class TokenAttackIntegrationTest {

	@LocalServerPort
	int port;

	TestHttp http;

	String realToken;

	@BeforeEach
	void client() {
		this.http = new TestHttp("http://localhost:" + this.port);
		this.realToken = TestStack.get().tokens().accessToken(KeycloakTokens.REPORTER);
	}

	private static String jwkSetUri() {
		return TestStack.get().info().issuerUri() + "/protocol/openid-connect/certs";
	}

	@Test
	void forgedTokensAreRefusedOnReads() {
		TokenAttacks.assertAllRefused(this.http, "/api/issues", TokenAttacks.forgeries(this.realToken, jwkSetUri()));
	}

	@Test
	void aTamperedTokenCannotWrite() {
		for (TokenAttacks.Attack attack : TokenAttacks.forgeries(this.realToken, jwkSetUri())) {
			var request = this.http.request("/api/issues", null)
				.header("Content-Type", "application/json")
				.POST(java.net.http.HttpRequest.BodyPublishers
					.ofString("{\"title\": \"Forged\", \"description\": \"x\", \"severity\": \"LOW\"}"));
			if (attack.authorization() != null) {
				request.header("Authorization", attack.authorization());
			}
			HttpResponse<String> response = this.http.send(request.build());

			assertThat(response.statusCode()).as("%s: %s", attack, response.body()).isEqualTo(401);
		}
	}

	@Test
	void theRealTokenPasses() {
		assertThat(this.http.get("/api/issues", this.realToken).statusCode()).isEqualTo(200);
	}

}
