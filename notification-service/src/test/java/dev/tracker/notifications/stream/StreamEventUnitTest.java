package dev.tracker.notifications.stream;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.tracker.events.Actor;
import dev.tracker.events.IssueSeverity;
import dev.tracker.events.IssueSnapshot;
import dev.tracker.events.IssueStatus;
import dev.tracker.events.IssueStatusChanged;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How an issue event becomes a stream event. */
class StreamEventUnitTest {

	@Test
	void streamEventNamesTheCloudEventsTypeWithoutPrefixAndCarriesTheReporter() {
		Actor reporter = new Actor("reporter-1", "Rita", "rita@example.com");
		Actor maintainer = new Actor("maintainer-1", "Max", "max@example.com");
		Instant now = Instant.now();
		IssueSnapshot issue = new IssueSnapshot(UUID.randomUUID(), "TRK-1", "Title", "", IssueSeverity.LOW,
				IssueStatus.TRIAGED, reporter, null, List.of(), now, now, null, 1);
		IssueStatusChanged event = new IssueStatusChanged(UUID.randomUUID(), now, maintainer, issue, IssueStatus.OPEN,
				null);

		StreamEvent streamEvent = StreamEvent.of(event, "{\"the\": \"json\"}");

		assertThat(streamEvent).isEqualTo(new StreamEvent(event.eventId().toString(), "issue.status-changed",
				"reporter-1", "{\"the\": \"json\"}"));
	}

}
