package dev.tracker.issues.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.tracker.devstack.test.KeycloakUsers.TestUser;
import dev.tracker.devstack.test.TestStack;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The user directory against the test stack's Keycloak, as the dev realm's
 * {@code tracker-issue-service} service account.
 */
class UsersIntegrationTest {

	private static final TestStack stack = TestStack.get();

	private final MutableClock clock = new MutableClock();

	private final Users users = new Users(UserTestUtils.keycloakAdmin(this.clock), UserTestUtils.defaultProperties(),
			this.clock);

	@Test
	void findsAUserWithTheirTrackerRolesAndWhetherTheyAreStaff() {
		TestUser maintainer = stack.users().create("MAINTAINER");
		TestUser reporter = stack.users().create("REPORTER");

		DirectoryUser staff = this.users.findById(maintainer.id()).orElseThrow();
		DirectoryUser notStaff = this.users.findById(reporter.id()).orElseThrow();

		assertThat(staff.name()).isEqualTo(maintainer.name());
		assertThat(staff.email()).isEqualTo(maintainer.email());
		assertThat(staff.roles()).contains("MAINTAINER");
		assertThat(staff.isStaff()).isTrue();
		assertThat(notStaff.roles()).containsExactly("REPORTER");
		assertThat(notStaff.isStaff()).isFalse();
		assertThat(notStaff.role()).hasValue(TrackerRole.REPORTER);
	}

	@Test
	void anUnknownOrMalformedIdFindsNobody() {
		assertThat(this.users.findById(UUID.randomUUID().toString())).isEmpty();
		assertThat(this.users.findById("../clients")).isEmpty();
		assertThat(this.users.findById("")).isEmpty();
		assertThat(this.users.findById(null)).isEmpty();
	}

	@Test
	void aLookedUpUserIsReusedUntilTheCacheTimeIsOver() {
		TestUser reporter = stack.users().create("REPORTER");
		assertThat(this.users.findById(reporter.id()).orElseThrow().isStaff()).isFalse();
		String master = UserTestUtils.masterAdminToken();
		String maintainerRole = UserTestUtils.adminJson(master, "/roles/MAINTAINER").toString();
		UserTestUtils.admin(master, "POST", "/users/" + reporter.id() + "/role-mappings/realm",
				"[" + maintainerRole + "]");

		assertThat(this.users.findById(reporter.id()).orElseThrow().isStaff()).as("cached").isFalse();
		this.clock.advance(Duration.ofSeconds(31));
		assertThat(this.users.findById(reporter.id()).orElseThrow().isStaff()).as("looked up again").isTrue();
	}

	@Test
	void aRoleChangeIsSeenAtOnceByTheDirectory() {
		TestUser reporter = stack.users().create("REPORTER");
		assertThat(this.users.findById(reporter.id()).orElseThrow().isStaff()).isFalse();

		this.users.changeRole("some-admin", reporter.id(), TrackerRole.MAINTAINER);

		assertThat(this.users.findById(reporter.id()).orElseThrow().roles()).containsExactly("MAINTAINER");
	}

	@Test
	void aRoleThatAnotherCompositeRoleGrantsCannotBeTakenAway() {
		TestUser lead = stack.users().create("REPORTER");
		String master = UserTestUtils.masterAdminToken();
		String composite = "TEAM_LEAD_" + UUID.randomUUID().toString().substring(0, 8);
		UserTestUtils.admin(master, "POST", "/roles", "{\"name\": \"" + composite + "\"}");
		UserTestUtils.admin(master, "POST", "/roles/" + composite + "/composites",
				"[" + UserTestUtils.adminJson(master, "/roles/MAINTAINER") + "]");
		UserTestUtils.admin(master, "POST", "/users/" + lead.id() + "/role-mappings/realm",
				"[" + UserTestUtils.adminJson(master, "/roles/" + composite) + "]");

		assertThatExceptionOfType(RoleGrantedElsewhereException.class)
			.isThrownBy(() -> this.users.changeRole("some-admin", lead.id(), TrackerRole.REPORTER))
			.withMessageContaining("MAINTAINER");
		UserTestUtils.admin(master, "DELETE", "/roles/" + composite, null);
	}

	@Test
	void aRoleChangeOfAnUnknownUserFails() {
		assertThatExceptionOfType(UnknownUserException.class)
			.isThrownBy(() -> this.users.changeRole("some-admin", UUID.randomUUID().toString(), TrackerRole.ADMIN));
		assertThatExceptionOfType(UnknownUserException.class)
			.isThrownBy(() -> this.users.changeRole("some-admin", "../clients", TrackerRole.ADMIN));
	}

	@Test
	void anAdministratorKeepsTheirOwnAdminRole() {
		assertThatExceptionOfType(OwnAdminRoleException.class)
			.isThrownBy(() -> this.users.changeRole("me", "me", TrackerRole.MAINTAINER));
	}

	@Test
	void aWrongSecretOrAnUnreachableKeycloakMakesTheDirectoryUnavailable() {
		KeycloakAdmin wrongSecret = new KeycloakAdmin(stack.info().keycloakUrl(), "tracker", UserTestUtils.CLIENT_ID,
				"not-the-secret", Duration.ofSeconds(2), Duration.ofSeconds(5), this.clock);
		KeycloakAdmin nobodyThere = new KeycloakAdmin("http://127.0.0.1:9", "tracker", UserTestUtils.CLIENT_ID,
				UserTestUtils.DEV_CLIENT_SECRET, Duration.ofSeconds(1), Duration.ofSeconds(1), this.clock);

		for (KeycloakAdmin keycloak : new KeycloakAdmin[] { wrongSecret, nobodyThere }) {
			Users directory = new Users(keycloak, UserTestUtils.defaultProperties(), this.clock);
			assertThatExceptionOfType(UserDirectoryUnavailableException.class)
				.isThrownBy(() -> directory.findById(UUID.randomUUID().toString()));
			assertThatExceptionOfType(UserDirectoryUnavailableException.class)
				.isThrownBy(() -> directory.search("a", 5));
		}
	}

	@Test
	void theServiceAccountTokenIsReusedUntilShortlyBeforeItExpires() {
		KeycloakAdmin keycloak = UserTestUtils.keycloakAdmin(this.clock);
		keycloak.search("", 1);
		String first = keycloak.currentToken();
		keycloak.search("", 1);
		assertThat(keycloak.currentToken()).isSameAs(first);

		this.clock.advance(Duration.ofMinutes(5));
		keycloak.search("", 1);

		assertThat(keycloak.currentToken()).isNotEqualTo(first);
	}

	/** A clock the test moves forward. */
	static final class MutableClock extends Clock {

		private Instant now = Instant.now();

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
