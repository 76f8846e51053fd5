package dev.tracker.notifications.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.tracker.events.Actor;
import dev.tracker.events.IssueEvent;
import dev.tracker.events.IssueEventProducer;
import dev.tracker.events.IssueSeverity;
import dev.tracker.events.TestIssue;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Which records the listener passes on to the hub, without Kafka. */
class IssueEventListenerUnitTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final EventHub hub = new EventHub(new StreamProperties(Duration.ofSeconds(15), 10, 256));

	private final IssueEventListener listener = new IssueEventListener(this.hub, json);

	private final List<StreamEvent> published = new CopyOnWriteArrayList<>();

	private final Disposable stream = this.hub.subscribe(null).events().subscribe(this.published::add);

	private final TestIssue issue = TestIssue.reportedBy(new Actor("u-1", "Una", "una@example.com"),
			IssueSeverity.HIGH);

	@AfterEach
	void close() {
		this.stream.dispose();
	}

	@Test
	void passesTheEventOnWithItsRecordValueAsData() {
		IssueEvent created = this.issue.created();
		String value = IssueEventProducer.jsonOf(created);

		this.listener.on(record(value, created.cloudEventHeaders()));

		assertThat(published()).containsExactly(StreamEvent.of(created, value));
	}

	@Test
	void skipsRecordsWithoutTypeHeaderOrValue() {
		IssueEvent created = this.issue.created();

		this.listener.on(record(IssueEventProducer.jsonOf(created), Map.of()));
		this.listener.on(record(null, created.cloudEventHeaders()));

		assertThat(published()).isEmpty();
	}

	@Test
	void skipsEventTypesItDoesNotKnow() {
		this.listener.on(record("{}", Map.of("ce_type", "tracker.issue.archived")));

		assertThat(published()).isEmpty();
	}

	@Test
	void skipsValuesThatAreNotTheEventsJson() {
		Map<String, String> headers = this.issue.created().cloudEventHeaders();

		this.listener.on(record("{not json", headers));
		this.listener.on(record("[1, 2]", headers));

		assertThat(published()).isEmpty();
	}

	private List<StreamEvent> published() {
		return List.copyOf(this.published);
	}

	private ConsumerRecord<String, String> record(String value, Map<String, String> headers) {
		ConsumerRecord<String, String> record = new ConsumerRecord<>(IssueEvent.TOPIC, 0, 0, this.issue.id().toString(),
				value);
		headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
		return record;
	}

}
