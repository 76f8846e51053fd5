package dev.tracker.notifications.stream;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.stereotype.Component;

/**
 * Fans every event out to the open streams and remembers the latest ones, so a client
 * that reconnects with {@code Last-Event-ID} gets what it missed. An event delivered
 * twice by Kafka is passed on once.
 */
@Component
public class EventHub {

	private final Sinks.Many<StreamEvent> live = Sinks.many().multicast().directBestEffort();

	private final Deque<StreamEvent> recent = new ArrayDeque<>();

	private final Set<String> recentIds = new LinkedHashSet<>();

	private final int replaySize;

	EventHub(StreamProperties properties) {
		this.replaySize = properties.replaySize();
	}

	/** Passes an event to every open stream, unless it was passed on before. */
	public void publish(StreamEvent event) {
		synchronized (this.recent) {
			if (!this.recentIds.add(event.id())) {
				return;
			}
			this.recent.addLast(event);
			if (this.recent.size() > this.replaySize) {
				this.recentIds.remove(this.recent.removeFirst().id());
			}
			// emitting under the lock keeps the order every subscriber sees equal to the
			// replay order
			this.live.emitNext(event, Sinks.EmitFailureHandler.busyLooping(java.time.Duration.ofMillis(100)));
		}
	}

	/**
	 * The events after the one with the given id, then every new one. Empty replay if the
	 * id is not known (too old): {@link Subscription#resync()} then says the client must
	 * reload what it shows.
	 */
	public Subscription subscribe(String lastEventId) {
		synchronized (this.recent) {
			Flux<StreamEvent> liveEvents = this.live.asFlux();
			if (lastEventId == null || lastEventId.isBlank()) {
				return new Subscription(List.of(), liveEvents, false);
			}
			Optional<List<StreamEvent>> missed = after(lastEventId);
			return new Subscription(missed.orElse(List.of()), liveEvents, missed.isEmpty());
		}
	}

	private Optional<List<StreamEvent>> after(String lastEventId) {
		if (!this.recentIds.contains(lastEventId)) {
			return Optional.empty();
		}
		List<StreamEvent> missed = new ArrayList<>();
		boolean found = false;
		for (StreamEvent event : this.recent) {
			if (found) {
				missed.add(event);
			}
			else if (event.id().equals(lastEventId)) {
				found = true;
			}
		}
		return Optional.of(missed);
	}

	/** The number of open streams. */
	public int subscribers() {
		return this.live.currentSubscriberCount();
	}

	/**
	 * What a new stream gets.
	 *
	 * @param replay events missed since {@code Last-Event-ID}
	 * @param live every event from now on
	 * @param resync whether {@code Last-Event-ID} was too old to replay from
	 */
	public record Subscription(List<StreamEvent> replay, Flux<StreamEvent> live, boolean resync) {
	}

}
