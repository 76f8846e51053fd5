/** The HTTP adapter of the live stream: {@code /api/events/stream}. */
package dev.tracker.notifications.stream.web;
