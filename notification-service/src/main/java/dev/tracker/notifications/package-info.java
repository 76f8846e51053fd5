/**
 * The notification service: every issue event, fanned out to the browsers allowed to see
 * it as SSE.
 */
package dev.tracker.notifications;
