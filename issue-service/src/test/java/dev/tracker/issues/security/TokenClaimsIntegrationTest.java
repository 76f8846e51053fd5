package dev.tracker.issues.security;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.tracker.devstack.test.TestHttp;
import dev.tracker.devstack.test.TestStack;
import dev.tracker.devstack.test.TokenAttacks;
import dev.tracker.devstack.test.TokenForge;
import dev.tracker.issues.IssueServiceTestUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens correctly signed by a key the issue service trusts but with a claim it must
 * refuse (expired, not yet valid, another issuer, another or no audience, no expiry, an
 * algorithm off the allow-list) are {@code 401} with a problem body; a token with the
 * right claims passes. The service trusts a test key here instead of the realm's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TokenClaimsIntegrationTest {

	static final TokenForge trusted = TokenForge.withNewKey().serve();

	@LocalServerPort
	int port;

	TestHttp http;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		Map<String, String> environment = new LinkedHashMap<>(TestStack.get().environmentFor("issue-service"));
		environment.putAll(trusted.trustSettings());
		IssueServiceTestUtils.registerServers(registry, environment);
	}

	@AfterAll
	static void stop() {
		trusted.close();
	}

	@BeforeEach
	void client() {
		this.http = new TestHttp("http://localhost:" + this.port);
	}

	@Test
	void wellSignedTokensWithAWrongClaimAreRefused() {
		TokenAttacks.assertAllRefused(this.http, "/api/issues", TokenAttacks.wrongClaims(trusted));
	}

	@Test
	void wellSignedTokenWithTheRightClaimsPasses() {
		String token = trusted.sign(TokenForge.claims().build());

		assertThat(this.http.get("/api/issues", token).statusCode()).isEqualTo(200);
	}

}
