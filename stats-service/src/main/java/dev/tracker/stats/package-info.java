/**
 * The stats service: turns the issue event stream into live counts and daily statistics.
 */
package dev.tracker.stats;
