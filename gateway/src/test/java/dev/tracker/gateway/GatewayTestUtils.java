package dev.tracker.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.List;

import dev.tracker.devstack.StackInfo;
import dev.tracker.devstack.test.TestStack;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.context.DynamicPropertyRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fixtures of the gateway's tests: one in-process stand-in per service (shared by every
 * test of the JVM; reset them before each test), the real Keycloak of the test stack, and
 * assertions on problem bodies.
 */
public final class GatewayTestUtils {

	/** Stands in for the issue service. */
	public static final Downstream ISSUES = Downstream.start("issue-service");

	/** Stands in for the file service. */
	public static final Downstream FILES = Downstream.start("file-service");

	/** Stands in for the stats service. */
	public static final Downstream STATS = Downstream.start("stats-service");

	/** Stands in for the notification service. */
	public static final Downstream EVENTS = Downstream.start("notification-service");

	private static final JsonMapper json = JsonMapper.builder().build();

	static {
		System.setProperty("reactor.netty.http.server.accessLogEnabled", "true");
	}

	private GatewayTestUtils() {
	}

	/** Every stand-in. */
	public static List<Downstream> downstreams() {
		return List.of(ISSUES, FILES, STATS, EVENTS);
	}

	/** Forgets what the stand-ins saw; they answer {@code 200} again. */
	public static void resetDownstreams() {
		downstreams().forEach(Downstream::reset);
	}

	/** How many requests all stand-ins got together. */
	public static int forwardedRequests() {
		return downstreams().stream().mapToInt((downstream) -> downstream.requests().size()).sum();
	}

	/**
	 * Points the gateway at the stand-ins and at the test stack's Keycloak (real tokens).
	 */
	public static void registerServers(DynamicPropertyRegistry registry) {
		StackInfo info = TestStack.get().info();
		registry.add("TRACKER_ISSUER_URI", info::issuerUri);
		registry.add("TRACKER_PUBLIC_KEYCLOAK_URL", info::keycloakUrl);
		registerDownstreams(registry);
	}

	/** Points the gateway's routes at the stand-ins. */
	public static void registerDownstreams(DynamicPropertyRegistry registry) {
		registry.add("ISSUE_SERVICE_URL", ISSUES::url);
		registry.add("FILE_SERVICE_URL", FILES::url);
		registry.add("STATS_SERVICE_URL", STATS::url);
		registry.add("NOTIFICATION_SERVICE_URL", EVENTS::url);
	}

	/** An access token of a demo user (see {@code KeycloakTokens}). */
	public static String token(String user) {
		return TestStack.get().tokens().accessToken(user);
	}

	/** A URL where nothing listens. */
	public static String deadUrl() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return "http://127.0.0.1:" + socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Asserts that a response is a problem ({@code application/problem+json}) with this
	 * status and type, and returns its body.
	 */
	public static JsonNode assertProblem(HttpResponse<String> response, int status, String type) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((contentType) -> assertThat(contentType).startsWith("application/problem+json"));
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("type").asString()).isEqualTo(type);
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("title").asString()).isNotBlank();
		assertThat(response.body()).doesNotContain("Exception", "\tat ", "<html");
		return problem;
	}

	/** Reads a JSON body. */
	public static JsonNode json(String body) {
		return json.readTree(body);
	}

}
