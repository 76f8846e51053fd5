package dev.tracker.issues.user;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this service reaches Keycloak's admin API ({@code tracker.keycloak.admin.*};
 * environment variables {@code TRACKER_KEYCLOAK_ADMIN_BASE_URL},
 * {@code TRACKER_KEYCLOAK_ADMIN_CLIENT_SECRET}, …).
 *
 * @param baseUrl Keycloak's base URL as this service reaches it (e.g.
 * {@code http://keycloak:8080}); empty means the part before {@code /realms/} of the JWK
 * set URI the service already fetches signing keys from (which devstack, compose and Helm
 * point at a reachable Keycloak), and {@code http://localhost:8180} without one
 * @param realm the realm; empty means the one named in the JWK set URI, else
 * {@code tracker}
 * @param clientId the confidential client whose service account calls the admin API
 * @param clientSecret its secret (the default is the dev realm's; production sets
 * {@code TRACKER_KEYCLOAK_ADMIN_CLIENT_SECRET} to what Keycloak imported from
 * {@code TRACKER_ISSUE_SERVICE_CLIENT_SECRET})
 * @param connectTimeout how long to wait for a connection to Keycloak
 * @param readTimeout how long to wait for an answer from Keycloak
 * @param cacheTtl how long a looked-up user (with their roles) is reused
 * @param cacheSize how many looked-up users are kept at most
 */
@ConfigurationProperties("tracker.keycloak.admin")
record KeycloakAdminProperties(@DefaultValue("") String baseUrl, @DefaultValue("") String realm,
		@DefaultValue("tracker-issue-service") String clientId,
		@DefaultValue("tracker-issue-service-dev-secret") String clientSecret,
		@DefaultValue("2s") Duration connectTimeout, @DefaultValue("5s") Duration readTimeout,
		@DefaultValue("30s") Duration cacheTtl, @DefaultValue("1000") int cacheSize) {
}
