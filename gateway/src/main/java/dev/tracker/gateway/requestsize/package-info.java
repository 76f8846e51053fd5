/**
 * Request body size limits per route, enforced while the body streams through: a body
 * over the limit is never buffered and never reaches a service whole.
 */
package dev.tracker.gateway.requestsize;
