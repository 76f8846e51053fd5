/**
 * Every error the gateway answers itself is {@code application/problem+json} (RFC 9457)
 * with a stable {@code type}: never a stack trace, never an HTML error page.
 */
package dev.tracker.gateway.problem;
