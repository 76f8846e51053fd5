package dev.tracker.gateway.security;

import dev.tracker.devstack.test.TestHttp;
import dev.tracker.devstack.test.TokenAttacks;
import dev.tracker.devstack.test.TokenForge;
import dev.tracker.gateway.GatewayTestUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.tracker.gateway.GatewayTestUtils.ISSUES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens correctly signed by a key the gateway trusts (a test key whose key set is served
 * in-process) but with a claim that is wrong: each is refused before anything is
 * forwarded. And forged tokens with made-up key ids do not make the gateway fetch the key
 * set again and again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TokenClaimsIntegrationTest {

	static final TokenForge trusted = TokenForge.withNewKey().serve();

	@LocalServerPort
	int port;

	TestHttp http;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		trusted.trustSettings().forEach((key, value) -> registry.add(key, () -> value));
		GatewayTestUtils.registerDownstreams(registry);
	}

	@AfterAll
	static void stop() {
		trusted.close();
	}

	@BeforeEach
	void reset() {
		GatewayTestUtils.resetDownstreams();
		this.http = new TestHttp("http://localhost:" + this.port);
	}

	@Test
	void wellSignedTokensWithAWrongClaimAreRefusedAndNeverForwarded() {
		TokenAttacks.assertAllRefused(this.http, "/api/issues", TokenAttacks.wrongClaims(trusted));

		assertThat(GatewayTestUtils.forwardedRequests()).isZero();
	}

	@Test
	void wellSignedTokenWithRightClaimsPasses() {
		String token = trusted.sign(TokenForge.claims().build());

		assertThat(this.http.get("/api/issues", token).statusCode()).isEqualTo(200);
		assertThat(ISSUES.requests()).singleElement()
			.satisfies((request) -> assertThat(request.header("Authorization")).isEqualTo("Bearer " + token));
	}

	@Test
	void tokensWithUnknownKeyIdsDoNotMakeTheGatewayFetchTheKeySetEachTime() {
		assertThat(this.http.get("/api/issues", trusted.sign(TokenForge.claims().build())).statusCode()).isEqualTo(200);
		int fetchesBefore = trusted.keySetRequests();

		for (int i = 0; i < 20; i++) {
			TokenForge stranger = TokenForge.withNewKey();
			assertThat(this.http.get("/api/issues", stranger.sign(TokenForge.claims().build())).statusCode())
				.isEqualTo(401);
		}

		assertThat(trusted.keySetRequests() - fetchesBefore).isLessThanOrEqualTo(1);
	}

}
