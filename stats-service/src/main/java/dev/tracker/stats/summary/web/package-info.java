/** The HTTP adapter of live counts: {@code /api/stats/summary}. */
package dev.tracker.stats.summary.web;
