package dev.tracker.notifications.stream;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import reactor.core.Disposable;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Sinks;

import org.springframework.stereotype.Component;

/**
 * Fans every event out to the open streams and remembers the latest ones, so a client
 * that reconnects with {@code Last-Event-ID} gets what it missed. An event delivered
 * twice by Kafka is passed on once (as long as the first one is still remembered).
 */
@Component
public class EventHub {

	private final Sinks.Many<StreamEvent> live = Sinks.many().multicast().directBestEffort();

	private final Deque<Published> recent = new ArrayDeque<>();

	private final Map<String, Long> recentIds = new HashMap<>();

	private final int replaySize;

	private final int clientBuffer;

	private long published;

	EventHub(StreamProperties properties) {
		this.replaySize = properties.replaySize();
		this.clientBuffer = properties.clientBuffer();
	}

	/** Passes an event to every open stream, unless it was passed on before. */
	public void publish(StreamEvent event) {
		synchronized (this.recent) {
			if (this.recentIds.containsKey(event.id())) {
				return;
			}
			this.published++;
			this.recent.addLast(new Published(this.published, event));
			this.recentIds.put(event.id(), this.published);
			while (this.recent.size() > this.replaySize) {
				this.recentIds.remove(this.recent.removeFirst().event().id());
			}
			// emitting under the lock keeps the order every subscriber sees equal to the
			// replay order
			this.live.emitNext(event, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100)));
		}
	}

	/**
	 * The events after the one with the given id, then every new one. Nothing is replayed
	 * if the id is not known (too old): {@link Subscription#resync()} then says the
	 * client must reload what it shows.
	 */
	public Subscription subscribe(String lastEventId) {
		synchronized (this.recent) {
			boolean resume = lastEventId != null && !lastEventId.isBlank();
			Long position = resume ? this.recentIds.get(lastEventId) : null;
			long after = (position != null) ? position : this.published;
			Flux<StreamEvent> events = Flux.<StreamEvent>create((sink) -> follow(sink, after))
				.onBackpressureBuffer(this.clientBuffer, (dropped) -> {
				}, BufferOverflowStrategy.ERROR);
			return new Subscription(events, resume && position == null);
		}
	}

	/**
	 * Replays what was published after the given position and follows the live events,
	 * both under the lock that publishing holds, so that no event published in between
	 * (while the response was being set up, or while the replay is written) is lost. The
	 * sink buffers what the client has not asked for yet.
	 */
	private void follow(FluxSink<StreamEvent> sink, long after) {
		synchronized (this.recent) {
			for (Published entry : this.recent) {
				if (entry.position() > after) {
					sink.next(entry.event());
				}
			}
			Disposable subscription = this.live.asFlux().subscribe(sink::next);
			sink.onDispose(subscription);
		}
	}

	/** The number of open streams. */
	public int subscribers() {
		return this.live.currentSubscriberCount();
	}

	/**
	 * What a new stream gets.
	 *
	 * @param events the events missed since {@code Last-Event-ID} (or published since the
	 * call, without one), then every new event
	 * @param resync whether {@code Last-Event-ID} was too old to replay from
	 */
	public record Subscription(Flux<StreamEvent> events, boolean resync) {
	}

	private record Published(long position, StreamEvent event) {
	}

}
