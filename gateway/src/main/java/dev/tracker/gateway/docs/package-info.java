/**
 * The API docs: each service's OpenAPI document, proxied at {@code /api/docs/<service>}
 * and given the realm's login, so that one Swagger UI can try every API signed in.
 */
package dev.tracker.gateway.docs;
