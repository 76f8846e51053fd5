package dev.tracker.notifications;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;

import dev.tracker.devstack.test.KeycloakUsers.TestUser;
import dev.tracker.devstack.test.TestHttp;
import dev.tracker.devstack.test.TestStack;
import dev.tracker.events.Actor;
import dev.tracker.events.IssueEvent;
import dev.tracker.events.IssueEventProducer;
import dev.tracker.events.IssueSeverity;
import dev.tracker.events.TestIssue;
import dev.tracker.notifications.stream.EventHub;
import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import static org.awaitility.Awaitility.await;

/**
 * Fixtures of the notification service's tests: real servers, issue events as the issue
 * service publishes them, and an SSE client that records what a stream sends.
 */
public final class NotificationServiceTestUtils {

	private NotificationServiceTestUtils() {
	}

	/**
	 * Points an application context at the test stack, with a heartbeat every second.
	 * Used as {@code @ContextConfiguration(initializers = ...)} so that every integration
	 * test class shares one context (and one consumer).
	 */
	public static final class Servers implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			Map<String, Object> properties = new LinkedHashMap<>(
					TestStack.get().environmentFor("notification-service"));
			properties.put("tracker.stream.heartbeat", "1s");
			context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-stack", properties));
		}

	}

	/** A new user with the role, made in the test stack's Keycloak. */
	public static TestUser newUser(String role) {
		return TestStack.get().users().create(role);
	}

	/** An access token of a demo user, e.g. {@code KeycloakTokens.MAINTAINER}. */
	public static String tokenOf(String demoUser) {
		return TestStack.get().tokens().accessToken(demoUser);
	}

	/** Publishes issue events to the topic as the issue service does. */
	public static final class EventPublisher extends IssueEventProducer {

		public EventPublisher() {
			super(TestStack.get().info().kafkaBootstrapServers());
		}

		/**
		 * Waits until the service's listener passes records on to the hub. Its consumer
		 * starts at the end of the topic once it has its partitions, so records published
		 * before then would never arrive.
		 */
		public void awaitListening(EventHub hub) {
			TestIssue probe = TestIssue.reportedBy(new Actor("probe", "Probe", "probe@test.example.com"),
					IssueSeverity.LOW);
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ZERO).until(() -> {
				IssueEvent event = probe.commented("Are you listening?");
				String id = event.eventId().toString();
				EventHub.Subscription subscription = hub.subscribe(null);
				publish(event);
				return subscription.events()
					.filter((published) -> published.id().equals(id))
					.next()
					.timeout(Duration.ofSeconds(2), Mono.empty())
					.blockOptional()
					.isPresent();
			});
		}

	}

	/**
	 * One Server-Sent Event as it came over the wire: a comment, or an event with id,
	 * name and data.
	 *
	 * @param id the {@code id:} field, or {@code null}
	 * @param event the {@code event:} field, or {@code null}
	 * @param data the {@code data:} lines joined by newlines, or {@code null}
	 * @param comment the comment line without its colon, or {@code null}
	 */
	public record Frame(String id, String event, String data, String comment) {

		/** Whether this is a comment (e.g. a heartbeat) rather than an event. */
		public boolean isComment() {
			return this.comment != null && this.id == null && this.event == null && this.data == null;
		}

	}

	/**
	 * An open {@code GET /api/events/stream}, read line by line on a thread of its own
	 * into the frames it sent.
	 */
	public static final class EventStream implements AutoCloseable {

		private final HttpResponse<Stream<String>> response;

		private final List<Frame> frames = new CopyOnWriteArrayList<>();

		private final Thread reader;

		private EventStream(HttpResponse<Stream<String>> response) {
			this.response = response;
			this.reader = new Thread(this::read, "sse-reader");
			this.reader.setDaemon(true);
			this.reader.start();
		}

		/** Opens a stream with a bearer token ({@code null} for none). */
		public static EventStream open(int port, String token) {
			return open(port, token, null);
		}

		/** Opens a stream that resumes after the event with the given id. */
		public static EventStream open(int port, String token, String lastEventId) {
			TestHttp http = new TestHttp("http://localhost:" + port);
			HttpRequest.Builder request = http.request("/api/events/stream", token)
				.timeout(Duration.ofMinutes(5))
				.header("Accept", "text/event-stream");
			if (lastEventId != null) {
				request.header("Last-Event-ID", lastEventId);
			}
			HttpClient client = http.client();
			try {
				return new EventStream(client.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		private void read() {
			String id = null;
			String event = null;
			StringBuilder data = null;
			String comment = null;
			try {
				Iterator<String> lines = this.response.body().iterator();
				while (lines.hasNext()) {
					String line = lines.next();
					if (line.isEmpty()) {
						if (id != null || event != null || data != null || comment != null) {
							this.frames.add(new Frame(id, event, (data != null) ? data.toString() : null, comment));
						}
						id = null;
						event = null;
						data = null;
						comment = null;
						continue;
					}
					int colon = line.indexOf(':');
					String field = (colon >= 0) ? line.substring(0, colon) : line;
					String value = (colon >= 0) ? line.substring(colon + 1) : "";
					if (value.startsWith(" ")) {
						value = value.substring(1);
					}
					switch (field) {
						case "" -> comment = value;
						case "id" -> id = value;
						case "event" -> event = value;
						case "data" ->
							data = (data == null) ? new StringBuilder(value) : data.append('\n').append(value);
						default -> {
						}
					}
				}
			}
			catch (RuntimeException ex) {
				// the stream was closed
			}
		}

		/** The HTTP status of the response. */
		public int status() {
			return this.response.statusCode();
		}

		/** A response header. */
		public String header(String name) {
			return this.response.headers().firstValue(name).orElse(null);
		}

		/** Every frame received so far, in order. */
		public List<Frame> frames() {
			return List.copyOf(this.frames);
		}

		/** The events (not comments) received so far, in order. */
		public List<Frame> events() {
			return this.frames.stream().filter((frame) -> !frame.isComment()).toList();
		}

		/** The ids of the events received so far, in order. */
		public List<String> eventIds() {
			return events().stream().map(Frame::id).toList();
		}

		/** Waits until a frame matching the predicate arrived and returns the first. */
		public Frame awaitFrame(Predicate<Frame> frame) {
			return await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> this.frames.stream().filter(frame).findFirst(), Optional::isPresent)
				.orElseThrow();
		}

		/** Waits until the event arrived and returns its frame. */
		public Frame awaitEvent(IssueEvent event) {
			String id = event.eventId().toString();
			return awaitFrame((frame) -> id.equals(frame.id()));
		}

		@Override
		public void close() {
			this.reader.interrupt();
			this.response.body().close();
		}

	}

	/** An issue the user reports, of severity {@code MEDIUM}, as its events tell it. */
	public static TestIssue reportedBy(TestUser user) {
		return TestIssue.reportedBy(new Actor(user.id(), user.name(), user.email()));
	}

}
