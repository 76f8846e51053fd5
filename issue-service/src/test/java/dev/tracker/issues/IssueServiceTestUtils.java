package dev.tracker.issues;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import dev.tracker.devstack.test.TestHttp;
import dev.tracker.devstack.test.TestStack;
import dev.tracker.events.IssueEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Fixtures of the issue service's tests: real servers, an API client, and a probe of what
 * reaches Kafka.
 */
public final class IssueServiceTestUtils {

	private static final JsonMapper json = JsonMapper.builder().build();

	private IssueServiceTestUtils() {
	}

	/**
	 * The issue service on a random port against the test stack. Every class with this
	 * annotation shares one application context and one database, so tests make their own
	 * users and issues and assert about those.
	 */
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
	@ContextConfiguration(initializers = Servers.class)
	public @interface IssueServiceIntegrationTest {

	}

	/**
	 * Points the application at the test stack, with a database of its own (one per JVM).
	 */
	public static final class Servers implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		private static Map<String, Object> properties;

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			synchronized (Servers.class) {
				if (properties == null) {
					properties = new HashMap<>(TestStack.get().environmentFor("issue-service"));
					properties.putAll(testSettings());
				}
			}
			context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-stack", properties));
		}

	}

	private static Map<String, Object> testSettings() {
		return Map.of("tracker.outbox.retry-interval", "1s", "tracker.outbox.retry-min-age", "3s",
				"tracker.keycloak.admin.base-url", TestStack.get().info().keycloakUrl());
	}

	/**
	 * Points the application at the given servers (for tests that need a server of their
	 * own).
	 */
	public static void registerServers(DynamicPropertyRegistry registry, Map<String, String> environment) {
		environment.forEach((key, value) -> registry.add(key, () -> value));
		testSettings().forEach((key, value) -> registry.add(key, () -> value));
	}

	/** A JSON body for creating an issue. */
	public static String newIssueJson(String title, String severity) {
		return """
				{"title": "%s", "description": "Steps:\\n1. *open* it", "severity": "%s"}""".formatted(title, severity);
	}

	/** The {@code sub} of an access token. */
	public static String subjectOf(String token) {
		String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
		return json.readTree(payload).get("sub").asString();
	}

	/** A response: status, headers, and the body as JSON if it is JSON. */
	public record Response(int status, java.net.http.HttpHeaders headers, String body) {

		public JsonNode json() {
			return IssueServiceTestUtils.json.readTree(this.body);
		}

		public String etag() {
			return this.headers.firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag: " + this.body));
		}

		public String id() {
			return json().get("id").asString();
		}

	}

	/** The issue API, as a client sees it. */
	public static final class IssueApi {

		private final TestHttp http;

		public IssueApi(int port) {
			this.http = new TestHttp("http://localhost:" + port);
		}

		public Response get(String token, String path) {
			return of(this.http.get(path, token));
		}

		public Response post(String token, String path, String body) {
			return of(this.http.post(path, token, body));
		}

		public Response report(String token, String title, String severity) {
			Response created = post(token, "/api/issues", newIssueJson(title, severity));
			if (created.status() != 201) {
				throw new AssertionError("report failed: " + created.status() + " " + created.body());
			}
			return created;
		}

		public Response issue(String token, String id) {
			return get(token, "/api/issues/" + id);
		}

		public Response patch(String token, String id, String etag, String body) {
			HttpRequest.Builder request = this.http.request("/api/issues/" + id, token)
				.header("Content-Type", "application/merge-patch+json")
				.method("PATCH", HttpRequest.BodyPublishers.ofString(body));
			if (etag != null) {
				request.header("If-Match", etag);
			}
			return of(this.http.send(request.build()));
		}

		public Response transition(String token, String id, String etag, String body) {
			HttpRequest.Builder request = this.http.request("/api/issues/" + id + "/transitions", token)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body));
			if (etag != null) {
				request.header("If-Match", etag);
			}
			return of(this.http.send(request.build()));
		}

		/**
		 * Moves the issue to the status with the current ETag (staff token), asserting
		 * success.
		 */
		public Response move(String token, String id, String to, String extra) {
			Response current = issue(token, id);
			Response moved = transition(token, id, current.etag(),
					"{\"to\": \"" + to + "\"" + ((extra != null) ? ", " + extra : "") + "}");
			if (moved.status() != 200) {
				throw new AssertionError("move to " + to + " failed: " + moved.status() + " " + moved.body());
			}
			return moved;
		}

		public Response comment(String token, String id, String body) {
			return post(token, "/api/issues/" + id + "/comments", "{\"body\": " + quote(body) + "}");
		}

		public Response delete(String token, String path) {
			return of(this.http.send(this.http.request(path, token).DELETE().build()));
		}

		public Response patchJson(String token, String path, String body) {
			return of(this.http.send(this.http.request(path, token)
				.header("Content-Type", "application/json")
				.method("PATCH", HttpRequest.BodyPublishers.ofString(body))
				.build()));
		}

		private static Response of(HttpResponse<String> response) {
			return new Response(response.statusCode(), response.headers(), response.body());
		}

		private static String quote(String text) {
			return json.writeValueAsString(text);
		}

	}

	/**
	 * Reads the issue events topic from the beginning, with a consumer group of its own.
	 */
	public static final class EventProbe implements AutoCloseable {

		private final KafkaConsumer<String, String> consumer;

		private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

		public EventProbe(String bootstrapServers) {
			Properties properties = new Properties();
			properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
			properties.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
			properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
			properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
			properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
			this.consumer = new KafkaConsumer<>(properties);
			this.consumer.subscribe(List.of(IssueEvent.TOPIC));
		}

		/**
		 * The records keyed by the issue id, waiting up to the timeout until at least
		 * {@code count} arrived.
		 */
		public List<ConsumerRecord<String, String>> recordsOf(UUID issueId, int count, Duration timeout) {
			long deadline = System.nanoTime() + timeout.toNanos();
			while (System.nanoTime() < deadline) {
				this.consumer.poll(Duration.ofMillis(250)).forEach(this.seen::add);
				if (matching(issueId).size() >= count) {
					break;
				}
			}
			return matching(issueId);
		}

		private List<ConsumerRecord<String, String>> matching(UUID issueId) {
			return this.seen.stream().filter((record) -> issueId.toString().equals(record.key())).toList();
		}

		@Override
		public void close() {
			this.consumer.close();
		}

	}

}
