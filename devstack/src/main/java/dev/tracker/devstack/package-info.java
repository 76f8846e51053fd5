/**
 * Starts and stops real PostgreSQL, Kafka, S3 and Keycloak servers and the five services
 * without Docker, for {@code ./tracker up} and for the tests.
 */
package dev.tracker.devstack;
