/**
 * Rate limits per user (the token's {@code sub}) or, for anonymous callers, per client
 * address: a token bucket per key, kept in memory with a bounded number of keys.
 */
package dev.tracker.gateway.ratelimit;
