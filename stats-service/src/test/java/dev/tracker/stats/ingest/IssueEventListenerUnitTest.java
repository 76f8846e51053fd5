package dev.tracker.stats.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.tracker.events.Actor;
import dev.tracker.events.IssueEvent;
import dev.tracker.events.IssueSeverity;
import dev.tracker.events.IssueStatus;
import dev.tracker.events.TestIssue;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which records the listener hands to the projection, without Kafka or a database.
 */
class IssueEventListenerUnitTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final RecordingProjection projection = new RecordingProjection();

	private final IssueEventListener listener = new IssueEventListener(this.projection, json);

	private final TestIssue issue = TestIssue.reportedBy(new Actor("u-1", "Una", "una@example.com"),
			IssueSeverity.HIGH);

	@Test
	void appliesTheEventTheTypeHeaderNames() {
		IssueEvent created = this.issue.created();
		IssueEvent resolved = this.issue.movedTo(IssueStatus.RESOLVED);

		this.listener.on(recordOf(created));
		this.listener.on(recordOf(resolved));

		assertThat(this.projection.applied).containsExactly(created, resolved);
	}

	@Test
	void skipsRecordsWithoutTypeHeaderOrValue() {
		IssueEvent created = this.issue.created();

		this.listener.on(record(json.writeValueAsString(created), Map.of()));
		this.listener.on(record(null, created.cloudEventHeaders()));

		assertThat(this.projection.applied).isEmpty();
	}

	@Test
	void skipsEventTypesItDoesNotKnow() {
		this.listener.on(record("{}", Map.of("ce_type", "tracker.issue.archived")));

		assertThat(this.projection.applied).isEmpty();
	}

	@Test
	void skipsValuesThatAreNotTheEventsJson() {
		Map<String, String> headers = this.issue.created().cloudEventHeaders();

		this.listener.on(record("{not json", headers));
		this.listener.on(record("[1, 2]", headers));

		assertThat(this.projection.applied).isEmpty();
	}

	private ConsumerRecord<String, String> recordOf(IssueEvent event) {
		return record(json.writeValueAsString(event), event.cloudEventHeaders());
	}

	private ConsumerRecord<String, String> record(String value, Map<String, String> headers) {
		ConsumerRecord<String, String> record = new ConsumerRecord<>(IssueEvent.TOPIC, 0, 0, this.issue.id().toString(),
				value);
		headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
		return record;
	}

	private static final class RecordingProjection extends IssueProjection {

		private final List<IssueEvent> applied = new ArrayList<>();

		RecordingProjection() {
			super(null);
		}

		@Override
		boolean apply(IssueEvent event) {
			this.applied.add(event);
			return true;
		}

	}

}
