package dev.tracker.notifications.stream;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hub's fan-out, replay after {@code Last-Event-ID}, deduplication and ring buffer,
 * without Kafka or HTTP.
 */
class EventHubUnitTest {

	private final EventHub hub = new EventHub(new StreamProperties(Duration.ofSeconds(15), 3, 4));

	private static StreamEvent event(String id) {
		return new StreamEvent(id, "issue.created", "reporter-1", "{\"eventId\": \"" + id + "\"}");
	}

	private List<String> replayedAfter(String lastEventId) {
		EventHub.Subscription subscription = this.hub.subscribe(lastEventId);
		assertThat(subscription.resync()).isFalse();
		return subscription.events()
			.map(StreamEvent::id)
			.take(Duration.ofMillis(100))
			.collectList()
			.block(Duration.ofSeconds(5));
	}

	@Test
	void openStreamsReceiveEveryNewEventInOrder() {
		List<String> one = new CopyOnWriteArrayList<>();
		List<String> two = new CopyOnWriteArrayList<>();
		Disposable first = this.hub.subscribe(null).events().map(StreamEvent::id).subscribe(one::add);
		Disposable second = this.hub.subscribe(null).events().map(StreamEvent::id).subscribe(two::add);

		this.hub.publish(event("a"));
		this.hub.publish(event("b"));

		assertThat(one).containsExactly("a", "b");
		assertThat(two).containsExactly("a", "b");
		first.dispose();
		second.dispose();
	}

	@Test
	void streamWithoutLastEventIdStartsWithWhatIsPublishedFromNowOn() {
		this.hub.publish(event("old"));

		EventHub.Subscription subscription = this.hub.subscribe(null);

		assertThat(subscription.resync()).isFalse();
		StepVerifier.create(subscription.events().map(StreamEvent::id).take(1))
			.then(() -> this.hub.publish(event("new")))
			.expectNext("new")
			.verifyComplete();
	}

	@Test
	void eventsPublishedBetweenSubscribingAndReadingAreNotLost() {
		EventHub.Subscription subscription = this.hub.subscribe(null);
		this.hub.publish(event("meanwhile"));

		StepVerifier.create(subscription.events().map(StreamEvent::id).take(2))
			.then(() -> this.hub.publish(event("later")))
			.expectNext("meanwhile", "later")
			.verifyComplete();
	}

	@Test
	void lastEventIdReplaysTheEventsAfterItInOrderThenFollowsLiveEvents() {
		this.hub.publish(event("a"));
		this.hub.publish(event("b"));
		this.hub.publish(event("c"));

		EventHub.Subscription subscription = this.hub.subscribe("a");

		assertThat(subscription.resync()).isFalse();
		StepVerifier.create(subscription.events().map(StreamEvent::id).take(3))
			.expectNext("b", "c")
			.then(() -> this.hub.publish(event("d")))
			.expectNext("d")
			.verifyComplete();
	}

	@Test
	void lastEventIdOfTheNewestEventReplaysNothing() {
		this.hub.publish(event("a"));

		assertThat(replayedAfter("a")).isEmpty();
	}

	@Test
	void unknownLastEventIdAsksForResyncAndReplaysNothing() {
		this.hub.publish(event("a"));

		EventHub.Subscription subscription = this.hub.subscribe("never-seen");

		assertThat(subscription.resync()).isTrue();
		StepVerifier.create(subscription.events().map(StreamEvent::id).take(1))
			.then(() -> this.hub.publish(event("b")))
			.expectNext("b")
			.verifyComplete();
	}

	@Test
	void blankLastEventIdIsLikeNone() {
		this.hub.publish(event("a"));

		assertThat(replayedAfter(" ")).isEmpty();
	}

	@Test
	void eventWithAnIdSeenBeforeIsPassedOnOnce() {
		this.hub.publish(event("a"));
		EventHub.Subscription subscription = this.hub.subscribe("a");

		StepVerifier.create(subscription.events().map(StreamEvent::id).take(2))
			.then(() -> this.hub.publish(event("b")))
			.then(() -> this.hub.publish(event("b")))
			.then(() -> this.hub.publish(event("a")))
			.then(() -> this.hub.publish(event("c")))
			.expectNext("b", "c")
			.verifyComplete();
		assertThat(replayedAfter("a")).containsExactly("b", "c");
	}

	@Test
	void ringBufferKeepsTheNewestEventsOnly() {
		for (String id : List.of("a", "b", "c", "d", "e")) {
			this.hub.publish(event(id));
		}

		assertThat(this.hub.subscribe("b").resync()).isTrue();
		assertThat(replayedAfter("c")).containsExactly("d", "e");
	}

	@Test
	void closedStreamsAreNoLongerSubscribed() {
		EventHub.Subscription subscription = this.hub.subscribe(null);

		StepVerifier.create(subscription.events().take(1))
			.then(() -> assertThat(this.hub.subscribers()).isOne())
			.then(() -> this.hub.publish(event("a")))
			.expectNextCount(1)
			.verifyComplete();
		assertThat(this.hub.subscribers()).isZero();
	}

	/**
	 * A stalled client holds at most the client buffer; beyond that its stream is cut
	 * from the hub (the error reaches it behind what it has not read), so a dead reader
	 * cannot make memory grow.
	 */
	@Test
	void aClientThatStopsReadingIsCutOffInsteadOfGrowingMemory() {
		EventHub.Subscription subscription = this.hub.subscribe(null);

		StepVerifier.create(subscription.events().map(StreamEvent::id), 1)
			.then(() -> assertThat(this.hub.subscribers()).isOne())
			.then(() -> {
				for (int i = 0; i < 10; i++) {
					this.hub.publish(event("burst-" + i));
				}
			})
			.expectNext("burst-0")
			.then(() -> assertThat(this.hub.subscribers()).isZero())
			.thenRequest(Long.MAX_VALUE)
			.expectNext("burst-1", "burst-2", "burst-3", "burst-4")
			.expectError()
			.verify(Duration.ofSeconds(5));
	}

}
