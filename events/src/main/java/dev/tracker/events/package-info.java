/**
 * The integration events on topic {@value dev.tracker.events.IssueEvent#TOPIC}: what
 * producers publish and consumers read, one record and one JSON Schema per event type.
 */
package dev.tracker.events;
