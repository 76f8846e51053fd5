/**
 * The live event stream: a hub that every Kafka record passes through once, keeping the
 * latest events for clients that reconnect with {@code Last-Event-ID}.
 */
package dev.tracker.notifications.stream;
