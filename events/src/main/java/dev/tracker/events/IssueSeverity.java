package dev.tracker.events;

/** How much an issue hurts, from least to most. */
public enum IssueSeverity {

	LOW, MEDIUM, HIGH, CRITICAL

}
