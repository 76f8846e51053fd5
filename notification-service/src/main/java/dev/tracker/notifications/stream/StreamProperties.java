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
 */
@ConfigurationProperties("tracker.stream")
public record StreamProperties(@DefaultValue("15s") Duration heartbeat, @DefaultValue("1000") int replaySize) {
}
