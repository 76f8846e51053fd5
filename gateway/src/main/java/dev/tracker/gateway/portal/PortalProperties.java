package dev.tracker.gateway.portal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the portal is told at {@code /config.json} ({@code tracker.portal.*}).
 *
 * @param keycloakUrl Keycloak's address as browsers reach it
 * @param realm the realm
 * @param clientId the portal's public client
 */
@ConfigurationProperties("tracker.portal")
public record PortalProperties(@DefaultValue("http://localhost:8180") String keycloakUrl,
		@DefaultValue("tracker") String realm, @DefaultValue("tracker-portal") String clientId) {
}
