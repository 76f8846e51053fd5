package dev.tracker.gateway;

import dev.tracker.devstack.test.TestHttp;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway on a random port, trusting the test stack's Keycloak, its routes pointed at
 * the stand-in services of {@link GatewayTestUtils}. Each test starts with the stand-ins
 * reset and a new client. Test classes add their own settings with
 * {@code @TestPropertySource}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class GatewayIntegrationTest {

	@LocalServerPort
	protected int port;

	protected TestHttp http;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		GatewayTestUtils.registerServers(registry);
	}

	@BeforeEach
	void resetDownstreamsAndClient() {
		GatewayTestUtils.resetDownstreams();
		this.http = new TestHttp("http://localhost:" + this.port);
	}

}
