package dev.tracker.notifications.stream;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The live stream's settings ({@code tracker.stream.*}).
 *
 * @param heartbeat how often an idle stream gets a comment line, so proxies keep it open
 * and clients notice a dead connection
 * @param replaySize how many recent events are kept for clients that reconnect with
 * {@code Last-Event-ID}
 * @param clientBuffer how many events may wait for one slow client; beyond that its
 * stream is ended, and the client reconnects with {@code Last-Event-ID} (so memory does
 * not grow with a stalled client)
 */
@ConfigurationProperties("tracker.stream")
public record StreamProperties(@DefaultValue("15s") Duration heartbeat, @DefaultValue("1000") int replaySize,
		@DefaultValue("256") int clientBuffer) {
}
