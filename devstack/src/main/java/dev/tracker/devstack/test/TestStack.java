package dev.tracker.devstack.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tracker.devstack.Console;
import dev.tracker.devstack.ProjectLayout;
import dev.tracker.devstack.Server;
import dev.tracker.devstack.ServiceServer;
import dev.tracker.devstack.Stack;
import dev.tracker.devstack.StackInfo;

/**
 * Real servers for integration tests, one set per JVM.
 * <p>
 * {@code ./tracker test} starts a throw-away stack once and names its
 * {@code stack.properties} in the environment variable {@code TRACKER_TEST_STACK}; every
 * test JVM of the run uses it. A test run on its own (from the IDE, or
 * {@code ./mvnw -pl issue-service verify}) starts its own throw-away stack and stops it
 * when the JVM exits. Each test context gets a database of its own, so tests never see
 * each other's rows.
 */
public final class TestStack {

	/**
	 * The environment variable naming a running test stack's {@code stack.properties}.
	 */
	public static final String STACK_VARIABLE = "TRACKER_TEST_STACK";

	private static TestStack instance;

	private static final AtomicInteger databases = new AtomicInteger();

	private final Stack stack;

	private final KeycloakTokens tokens;

	private final KeycloakUsers users;

	private TestStack(Stack stack) {
		this.stack = stack;
		this.tokens = new KeycloakTokens(stack.info());
		this.users = new KeycloakUsers(stack.info(), this.tokens);
	}

	/**
	 * The servers of this JVM's tests, started on first use if no running stack was
	 * named.
	 */
	public static synchronized TestStack get() {
		if (instance == null) {
			instance = new TestStack(findOrStart());
		}
		return instance;
	}

	private static Stack findOrStart() {
		ProjectLayout layout = ProjectLayout.find();
		String named = System.getProperty(STACK_VARIABLE, System.getenv(STACK_VARIABLE));
		if (named != null && !named.isBlank()) {
			Path file = Path.of(named);
			if (!Files.isRegularFile(file)) {
				throw new IllegalStateException(STACK_VARIABLE + " names " + file + ", which does not exist");
			}
			Stack stack = Stack.described(layout, file);
			for (Server server : stack.infrastructure()) {
				if (!server.isHealthy()) {
					throw new IllegalStateException(STACK_VARIABLE + " names a stack whose " + server.name()
							+ " is not healthy; its log: " + server.logFile());
				}
			}
			return stack;
		}
		Stack.removeThrowAwayStacksOfEndedProcesses(layout);
		String module = layout.root()
			.relativize(Path.of("").toAbsolutePath())
			.toString()
			.replaceAll("[^A-Za-z0-9]+", "-")
			.toLowerCase(Locale.ROOT);
		Stack stack = Stack.throwAway(layout, "test-" + module + "-" + ProcessHandle.current().pid());
		stack.up(false, Console.system());
		stack.stopAfterThisJvm();
		return stack;
	}

	/** Where the servers listen. */
	public StackInfo info() {
		return this.stack.info();
	}

	/** Makes users with any role in the realm. */
	public KeycloakUsers users() {
		return this.users;
	}

	/** The stack itself, for tests that stop and start one of its servers. */
	public Stack stack() {
		return this.stack;
	}

	/** Access tokens Keycloak issues for the demo users (or any user with a password). */
	public KeycloakTokens tokens() {
		return this.tokens;
	}

	/**
	 * Creates a new, empty database owned by the services' user and returns its JDBC URL.
	 */
	public String createDatabase(String prefix) {
		String name = prefix + "_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
		this.stack.postgres().createDatabase(name);
		return info().jdbcUrl(name);
	}

	/**
	 * The environment a service runs with against these servers (docs/conventions.md),
	 * with a fresh database of its own for a service that has one. Register it as
	 * properties of a test's application context, e.g. from a
	 * {@code @DynamicPropertySource} method.
	 */
	public Map<String, String> environmentFor(String module) {
		Map<String, String> environment = new LinkedHashMap<>(ServiceServer.environment(info(), module));
		if (environment.containsKey("DB_URL")) {
			environment.put("DB_URL", createDatabase(module.replace("-service", "").replace('-', '_')));
		}
		return environment;
	}

}
