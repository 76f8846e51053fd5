/**
 * Test support: real PostgreSQL, Kafka, S3 and Keycloak servers for integration tests,
 * and tokens Keycloak issued.
 */
package dev.tracker.devstack.test;
