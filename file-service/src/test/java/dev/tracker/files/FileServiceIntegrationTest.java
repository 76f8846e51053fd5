package dev.tracker.files;

import dev.tracker.devstack.test.TestHttp;
import dev.tracker.devstack.test.TestStack;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The file service on a random port, with its database at hand and a new client for each
 * test. Test classes point it at servers of their own: a static
 * {@link FileServiceTestUtils#servers(java.util.Map) TestServers} registered by a
 * {@code @DynamicPropertySource} method.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class FileServiceIntegrationTest {

	protected static final TestStack stack = TestStack.get();

	protected static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	protected TestHttp http;

	@BeforeEach
	void client() {
		this.http = new TestHttp("http://localhost:" + this.port);
	}

}
