/** Live counts of issues, from the projection. */
package dev.tracker.stats.summary;
