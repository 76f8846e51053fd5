/**
 * A request id on every request and response: a sane incoming {@code X-Request-Id} is
 * kept, anything else replaced, and the services get it too.
 */
package dev.tracker.gateway.requestid;
