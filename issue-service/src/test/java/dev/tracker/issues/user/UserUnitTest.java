package dev.tracker.issues.user;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tracker roles, directory users, the cache and where the admin API is. */
class UserUnitTest {

	@Test
	void theTrackerRoleOfAUserIsTheHighestTheyHave() {
		assertThat(TrackerRole.highestOf(List.of("REPORTER", "MAINTAINER"))).hasValue(TrackerRole.MAINTAINER);
		assertThat(TrackerRole.highestOf(List.of("default-roles-tracker", "offline_access"))).isEmpty();
		assertThat(TrackerRole.isTrackerRole("ADMIN")).isTrue();
		assertThat(TrackerRole.isTrackerRole("admin")).isFalse();
	}

	@Test
	void maintainersAndAdministratorsAreStaff() {
		assertThat(user("ADMIN").isStaff()).isTrue();
		assertThat(user("MAINTAINER").isStaff()).isTrue();
		assertThat(user("REPORTER").isStaff()).isFalse();
		assertThat(user().isStaff()).isFalse();
		assertThat(user().role()).isEmpty();
	}

	private static DirectoryUser user(String... roles) {
		return new DirectoryUser("id", "Name", "name@example.com", Set.of(roles));
	}

	@Test
	void cacheEntriesExpireAndTheLeastRecentlyUsedGoFirst() {
		UsersIntegrationTest.MutableClock clock = new UsersIntegrationTest.MutableClock();
		ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofSeconds(30), 2, clock);
		cache.put("a", "1");
		cache.put("b", "2");
		cache.get("a");
		cache.put("c", "3");

		assertThat(cache.get("b")).as("least recently used, evicted").isNull();
		assertThat(cache.get("a")).isEqualTo("1");
		assertThat(cache.size()).isEqualTo(2);
		clock.advance(Duration.ofSeconds(30));
		assertThat(cache.get("a")).as("expired").isNull();
		cache.put("d", "4");
		cache.remove("d");
		assertThat(cache.get("d")).isNull();
	}

	@Test
	void theAdminApiIsWhereTheSigningKeysComeFromUnlessConfigured() {
		KeycloakAdminProperties defaults = UserTestUtils.defaultProperties();
		KeycloakAdminProperties configured = new KeycloakAdminProperties("https://login.example.com", "other", "client",
				"secret", Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), 1);
		String compose = "http://keycloak:8080/realms/tracker/protocol/openid-connect/certs";

		assertThat(UserConfiguration.baseUrl(defaults, compose)).isEqualTo("http://keycloak:8080");
		assertThat(UserConfiguration.realm(defaults, compose)).isEqualTo("tracker");
		assertThat(UserConfiguration.realm(defaults, "https://sso.example.com/auth/realms/acme/protocol/x"))
			.isEqualTo("acme");
		assertThat(UserConfiguration.baseUrl(defaults, "")).isEqualTo("http://localhost:8180");
		assertThat(UserConfiguration.realm(defaults, "")).isEqualTo("tracker");
		assertThat(UserConfiguration.baseUrl(configured, compose)).isEqualTo("https://login.example.com");
		assertThat(UserConfiguration.realm(configured, compose)).isEqualTo("other");
	}

}
