/**
 * Reads {@code issue-events} with this service's own consumer group into a projection of
 * every issue's latest state. Idempotent: a redelivered or stale event (an issue version
 * not newer than the stored one) changes nothing.
 */
package dev.tracker.stats.ingest;
