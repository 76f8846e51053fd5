/**
 * The transactional outbox: issue events are stored with the change that caused them
 * (Spring Modulith's event publication registry) and relayed to Kafka after the commit,
 * retried until Kafka takes them.
 */
package dev.tracker.issues.outbox;
