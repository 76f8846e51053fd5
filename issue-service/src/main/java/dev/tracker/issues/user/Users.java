package dev.tracker.issues.user;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.tracker.issues.user.KeycloakAdmin.KeycloakGroup;
import dev.tracker.issues.user.KeycloakAdmin.KeycloakRole;
import dev.tracker.issues.user.KeycloakAdmin.KeycloakUser;

import org.springframework.stereotype.Service;

/**
 * The users of the realm, through Keycloak's admin API: looked up (cached briefly),
 * searched, and given their one tracker role.
 */
@Service
public class Users implements UserDirectory {

	/**
	 * What a Keycloak user id looks like (a UUID, or {@code f:…} for federated users).
	 */
	private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9:._-]{0,99}");

	private final KeycloakAdmin keycloak;

	private final ExpiringCache<String, DirectoryUser> cache;

	Users(KeycloakAdmin keycloak, KeycloakAdminProperties properties, Clock clock) {
		this.keycloak = keycloak;
		this.cache = new ExpiringCache<>(properties.cacheTtl(), properties.cacheSize(), clock);
	}

	@Override
	public Optional<DirectoryUser> findById(String id) {
		if (id == null || !ID.matcher(id).matches()) {
			return Optional.empty();
		}
		DirectoryUser cached = this.cache.get(id);
		if (cached != null) {
			return Optional.of(cached);
		}
		return this.keycloak.user(id).flatMap(this::withRoles);
	}

	/**
	 * Enabled users whose name or email contains the text (any users for an empty one),
	 * at most {@code max}, without their roles.
	 */
	public List<UserSummary> search(String text, int max) {
		return find(text, max).stream()
			.map((user) -> new UserSummary(user.id(), user.displayName(), user.email()))
			.toList();
	}

	/**
	 * Like {@link #search(String, int)}, with each user's tracker roles (one more call of
	 * the admin API per user who is not in the cache).
	 */
	public List<DirectoryUser> searchWithRoles(String text, int max) {
		return find(text, max).stream().map(this::withRoles).flatMap(Optional::stream).toList();
	}

	private List<KeycloakUser> find(String text, int max) {
		return this.keycloak.search(text, max).stream().filter((user) -> !isServiceAccount(user)).toList();
	}

	private Optional<DirectoryUser> withRoles(KeycloakUser user) {
		DirectoryUser cached = this.cache.get(user.id());
		if (cached != null) {
			return Optional.of(cached);
		}
		try {
			DirectoryUser found = directoryUser(user, trackerRoles(this.keycloak.effectiveRealmRoles(user.id())));
			this.cache.put(user.id(), found);
			return Optional.of(found);
		}
		catch (KeycloakAdmin.NotFound ex) {
			return Optional.empty();
		}
	}

	/**
	 * Gives the user exactly one tracker role: the new one is mapped first (unless the
	 * user has it already), then direct mappings of the other two are removed and the
	 * user leaves groups that grant them (such as the default group {@code /reporters}).
	 * @param actorId the administrator asking for the change
	 * @param userId the user whose role changes
	 * @param role the user's new tracker role
	 * @return the user with their roles after the change
	 * @throws OwnAdminRoleException if an administrator asks to give up their own
	 * {@code ADMIN} role
	 * @throws UnknownUserException if there is no such user
	 * @throws RoleGrantedElsewhereException if another tracker role remains through a
	 * composite role or a parent group
	 */
	public DirectoryUser changeRole(String actorId, String userId, TrackerRole role) {
		if (userId.equals(actorId) && role != TrackerRole.ADMIN) {
			throw new OwnAdminRoleException();
		}
		KeycloakUser user = (ID.matcher(userId).matches() ? this.keycloak.user(userId) : Optional.<KeycloakUser>empty())
			.orElseThrow(() -> new UnknownUserException(userId));
		this.cache.remove(userId);
		try {
			// The new role first, so that a change that fails halfway never leaves the
			// user
			// without a role.
			grantUnlessEffective(userId, role);
			List<KeycloakRole> others = this.keycloak.realmRoles(userId)
				.stream()
				.filter((mapped) -> isOtherTrackerRole(mapped, role))
				.toList();
			if (!others.isEmpty()) {
				this.keycloak.removeRealmRoles(userId, others);
			}
			for (KeycloakGroup group : this.keycloak.groups(userId)) {
				if (this.keycloak.groupRealmRoles(group.id())
					.stream()
					.anyMatch((granted) -> isOtherTrackerRole(granted, role))) {
					this.keycloak.leaveGroup(userId, group.id());
				}
			}
			// A group left may have granted the new role too.
			Set<String> roles = grantUnlessEffective(userId, role);
			if (!roles.equals(Set.of(role.name()))) {
				Set<String> remaining = new LinkedHashSet<>(roles);
				remaining.remove(role.name());
				throw new RoleGrantedElsewhereException(userId, remaining);
			}
			DirectoryUser changed = directoryUser(user, roles);
			this.cache.put(userId, changed);
			return changed;
		}
		catch (KeycloakAdmin.NotFound ex) {
			throw new UnknownUserException(userId);
		}
	}

	/** Maps the role to the user unless they have it already; their tracker roles. */
	private Set<String> grantUnlessEffective(String userId, TrackerRole role) {
		Set<String> roles = trackerRoles(this.keycloak.effectiveRealmRoles(userId));
		if (roles.contains(role.name())) {
			return roles;
		}
		KeycloakRole mapping = this.keycloak.availableRealmRoles(userId)
			.stream()
			.filter((available) -> available.name().equals(role.name()))
			.findFirst()
			.orElseThrow(() -> new UserDirectoryUnavailableException(
					"Keycloak offers no realm role " + role + " to map; is the realm imported?", null));
		this.keycloak.addRealmRoles(userId, List.of(mapping));
		return trackerRoles(this.keycloak.effectiveRealmRoles(userId));
	}

	private static boolean isOtherTrackerRole(KeycloakRole mapped, TrackerRole role) {
		return TrackerRole.isTrackerRole(mapped.name()) && !mapped.name().equals(role.name());
	}

	private static Set<String> trackerRoles(List<KeycloakRole> roles) {
		return roles.stream()
			.map(KeycloakRole::name)
			.filter(TrackerRole::isTrackerRole)
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	private static boolean isServiceAccount(KeycloakUser user) {
		return user.username() != null && user.username().startsWith("service-account-");
	}

	private static DirectoryUser directoryUser(KeycloakUser user, Set<String> roles) {
		return new DirectoryUser(user.id(), user.displayName(), user.email(), roles);
	}

}
