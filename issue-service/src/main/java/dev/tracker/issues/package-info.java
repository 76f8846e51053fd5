/**
 * The issue service: issues, their workflow and permissions; publishes issue events
 * through an outbox.
 */
package dev.tracker.issues;
