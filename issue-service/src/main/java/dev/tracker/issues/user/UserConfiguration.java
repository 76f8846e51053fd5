package dev.tracker.issues.user;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Connects the user directory to Keycloak's admin API. Where no base URL is configured,
 * Keycloak is reached where this service already fetches the token signing keys.
 */
@Configuration(proxyBeanMethods = false)
class UserConfiguration {

	static final String JWK_SET_URI = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri";

	static final String DEFAULT_BASE_URL = "http://localhost:8180";

	static final String DEFAULT_REALM = "tracker";

	@Bean
	KeycloakAdmin keycloakAdmin(KeycloakAdminProperties properties, Environment environment, Clock clock) {
		String jwkSetUri = environment.getProperty(JWK_SET_URI, "");
		return new KeycloakAdmin(baseUrl(properties, jwkSetUri), realm(properties, jwkSetUri), properties.clientId(),
				properties.clientSecret(), properties.connectTimeout(), properties.readTimeout(), clock);
	}

	/** The configured base URL, else the part of the JWK set URI before /realms/. */
	static String baseUrl(KeycloakAdminProperties properties, String jwkSetUri) {
		if (!properties.baseUrl().isBlank()) {
			return properties.baseUrl();
		}
		int realms = jwkSetUri.indexOf("/realms/");
		return (realms > 0) ? jwkSetUri.substring(0, realms) : DEFAULT_BASE_URL;
	}

	/** The configured realm, else the one the JWK set URI names. */
	static String realm(KeycloakAdminProperties properties, String jwkSetUri) {
		if (!properties.realm().isBlank()) {
			return properties.realm();
		}
		int realms = jwkSetUri.indexOf("/realms/");
		String realm = (realms > 0) ? jwkSetUri.substring(realms + "/realms/".length()).split("/")[0] : "";
		return realm.isBlank() ? DEFAULT_REALM : realm;
	}

}
