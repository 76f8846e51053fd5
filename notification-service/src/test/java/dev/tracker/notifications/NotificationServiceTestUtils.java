package dev.tracker.notifications;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Stream;

import dev.tracker.devstack.test.KeycloakUsers.TestUser;
import dev.tracker.devstack.test.TestHttp;
import dev.tracker.devstack.test.TestStack;
import dev.tracker.events.Actor;
import dev.tracker.events.IssueCommented;
import dev.tracker.events.IssueCreated;
import dev.tracker.events.IssueEvent;
import dev.tracker.events.IssueSeverity;
import dev.tracker.events.IssueSnapshot;
import dev.tracker.events.IssueStatus;
import dev.tracker.events.IssueStatusChanged;
import dev.tracker.notifications.stream.EventHub;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import static org.awaitility.Awaitility.await;

/**
 * Fixtures of the notification service's tests: real servers, issue events as the issue
 * service publishes them, and an SSE client that records what a stream sends.
 */
public final class NotificationServiceTestUtils {

	private static final JsonMapper json = JsonMapper.builder().build();

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
	public static final class EventPublisher implements AutoCloseable {

		private final KafkaProducer<String, String> producer;

		public EventPublisher() {
			Properties properties = new Properties();
			properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.get().info().kafkaBootstrapServers());
			properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
			properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
			properties.put(ProducerConfig.ACKS_CONFIG, "all");
			this.producer = new KafkaProducer<>(properties);
		}

		/**
		 * Publishes the events in order: key = issue id, the event as JSON, CloudEvents
		 * headers.
		 */
		public void publish(IssueEvent... events) {
			for (IssueEvent event : events) {
				publish(event.issue().id().toString(), jsonOf(event), cloudEventHeaders(event));
			}
		}

		/** Publishes any record, e.g. one no valid event would make. */
		public void publish(String key, String value, Map<String, String> headers) {
			ProducerRecord<String, String> record = new ProducerRecord<>(IssueEvent.TOPIC, key, value);
			headers.forEach((name, header) -> record.headers()
				.add(new RecordHeader(name, header.getBytes(StandardCharsets.UTF_8))));
			try {
				this.producer.send(record).get(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			catch (ExecutionException | TimeoutException ex) {
				throw new IllegalStateException("Kafka did not take the record", ex);
			}
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

		@Override
		public void close() {
			this.producer.close(Duration.ofSeconds(5));
		}

	}

	/** The JSON the issue service publishes for an event. */
	public static String jsonOf(IssueEvent event) {
		return json.writeValueAsString(event);
	}

	/** The CloudEvents headers the issue service puts on an event's record. */
	public static Map<String, String> cloudEventHeaders(IssueEvent event) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("ce_specversion", "1.0");
		headers.put("ce_id", event.eventId().toString());
		headers.put("ce_source", IssueEvent.SOURCE);
		headers.put("ce_type", event.type());
		headers.put("ce_time", event.occurredAt().toString());
		headers.put("ce_subject", event.issue().id().toString());
		return headers;
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

	/**
	 * An issue as its events tell it: each method returns the next event, one version on,
	 * as the issue service would publish it.
	 */
	public static final class TestIssue {

		private final UUID id = UUID.randomUUID();

		private final Actor reporter;

		private final Instant createdAt = Instant.now();

		private final IssueSeverity severity;

		private IssueStatus status = IssueStatus.OPEN;

		private long version = -1;

		private TestIssue(Actor reporter, IssueSeverity severity) {
			this.reporter = reporter;
			this.severity = severity;
		}

		/** An issue the user reports. */
		public static TestIssue reportedBy(TestUser user) {
			return reportedBy(new Actor(user.id(), user.name(), user.email()), IssueSeverity.MEDIUM);
		}

		/** An issue the person reports. */
		public static TestIssue reportedBy(Actor reporter, IssueSeverity severity) {
			return new TestIssue(reporter, severity);
		}

		public UUID id() {
			return this.id;
		}

		/** The first event: the issue was reported, in status {@code OPEN}. */
		public IssueCreated created() {
			return new IssueCreated(UUID.randomUUID(), Instant.now(), this.reporter, next());
		}

		/** The issue moved to another status. */
		public IssueStatusChanged movedTo(IssueStatus to) {
			IssueStatus previous = this.status;
			this.status = to;
			return new IssueStatusChanged(UUID.randomUUID(), Instant.now(), this.reporter, next(), previous, null);
		}

		/** The reporter commented on the issue. */
		public IssueCommented commented(String body) {
			return new IssueCommented(UUID.randomUUID(), Instant.now(), this.reporter, next(), UUID.randomUUID(), body);
		}

		private IssueSnapshot next() {
			this.version++;
			Instant now = Instant.now();
			return new IssueSnapshot(this.id, "TRK-" + Math.abs(this.id.getLeastSignificantBits() % 100_000),
					"Issue " + this.id, "Steps to reproduce", this.severity, this.status, this.reporter, null,
					List.of(), this.createdAt, now, this.status.isOpen() ? null : now, this.version);
		}

	}

}
