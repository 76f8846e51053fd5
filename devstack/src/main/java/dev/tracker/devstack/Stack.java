package dev.tracker.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A set of servers with one home folder: the infrastructure (PostgreSQL, Kafka, S3,
 * Keycloak) and the five services. Starting is idempotent (what runs and is healthy is
 * left alone) and waits on real health checks; whatever a failed start began is stopped
 * again.
 */
public final class Stack {

	private final ProjectLayout layout;

	private final Artifacts artifacts;

	private final StackInfo info;

	private final boolean throwAway;

	private final Map<String, String> serviceEnvironment;

	private final PostgresServer postgres;

	private final KafkaServer kafka;

	private final S3Server s3;

	private final KeycloakServer keycloak;

	private final List<ServiceServer> services;

	private Stack(ProjectLayout layout, Artifacts artifacts, StackInfo info, boolean throwAway,
			Map<String, String> serviceEnvironment) {
		this.layout = layout;
		this.artifacts = artifacts;
		this.info = info;
		this.throwAway = throwAway;
		this.serviceEnvironment = Map.copyOf(serviceEnvironment);
		this.postgres = new PostgresServer(this);
		this.kafka = new KafkaServer(this);
		this.s3 = new S3Server(this);
		this.keycloak = new KeycloakServer(this);
		this.services = Stream.of(StackInfo.SERVICES).map((module) -> new ServiceServer(module, this)).toList();
	}

	/**
	 * The stack of {@code ./tracker up}: well-known ports, data kept in
	 * {@code .devstack/dev} between runs. PostgreSQL takes another port when 5432 is
	 * taken by something else.
	 */
	public static Stack dev(ProjectLayout layout, Map<String, String> serviceEnvironment) {
		Path home = layout.stackHome("dev");
		Path written = home.resolve("stack.properties");
		int postgresPort = 5432;
		if (Files.isRegularFile(written)) {
			postgresPort = StackInfo.read(written).postgresPort();
		}
		else if (!Ports.isFree(postgresPort)) {
			postgresPort = Ports.findFree();
		}
		return new Stack(layout, Artifacts.load(), StackInfo.dev(postgresPort), false, serviceEnvironment);
	}

	/** A throw-away stack on free ports in {@code .devstack/<name>}, emptied first. */
	public static Stack throwAway(ProjectLayout layout, String name) {
		try {
			Path home = layout.stackHome(name);
			stopLeftovers(home);
			FileTrees.delete(home);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Stack(layout, Artifacts.load(), StackInfo.test(name), true, Map.of());
	}

	/**
	 * Removes the homes of throw-away stacks named {@code test-…-<pid>} whose process has
	 * ended, stopping whatever of them still runs. Test JVMs name their stacks so; this
	 * keeps {@code .devstack} from filling up.
	 */
	public static void removeThrowAwayStacksOfEndedProcesses(ProjectLayout layout) {
		if (!Files.isDirectory(layout.devstackHome())) {
			return;
		}
		try (Stream<Path> homes = Files.list(layout.devstackHome())) {
			for (Path home : (Iterable<Path>) homes::iterator) {
				String name = home.getFileName().toString();
				int dash = name.lastIndexOf('-');
				if (!name.startsWith("test-") || dash < 0 || !name.substring(dash + 1).matches("\\d+")) {
					continue;
				}
				long pid = Long.parseLong(name.substring(dash + 1));
				if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
					continue;
				}
				stopLeftovers(home);
				FileTrees.delete(home);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The stack described by a {@code stack.properties} that a running stack wrote. */
	public static Stack described(ProjectLayout layout, Path stackProperties) {
		StackInfo info = StackInfo.read(stackProperties);
		return new Stack(layout, Artifacts.load(), info, !"dev".equals(info.name()), Map.of());
	}

	private static void stopLeftovers(Path home) throws IOException {
		Path run = home.resolve("run");
		if (!Files.isDirectory(run)) {
			return;
		}
		try (Stream<Path> pidFiles = Files.list(run)) {
			pidFiles.map(ManagedProcess::running)
				.flatMap(Optional::stream)
				.forEach((process) -> ManagedProcess.stop(process, "KILL", Duration.ofSeconds(5)));
		}
	}

	public ProjectLayout layout() {
		return this.layout;
	}

	public Artifacts artifacts() {
		return this.artifacts;
	}

	public StackInfo info() {
		return this.info;
	}

	/** The stack's home folder. */
	public Path home() {
		return this.layout.stackHome(this.info.name());
	}

	/**
	 * Whether the stack's data is thrown away after use (tests), so durability may be
	 * traded for speed.
	 */
	public boolean isThrowAway() {
		return this.throwAway;
	}

	/** The file the stack describes itself in while it is up. */
	public Path infoFile() {
		return home().resolve("stack.properties");
	}

	String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	Map<String, String> serviceEnvironment() {
		return this.serviceEnvironment;
	}

	public PostgresServer postgres() {
		return this.postgres;
	}

	public KafkaServer kafka() {
		return this.kafka;
	}

	/** The infrastructure servers. */
	public List<Server> infrastructure() {
		return List.of(this.postgres, this.kafka, this.s3, this.keycloak);
	}

	/** The five services. */
	public List<ServiceServer> services() {
		return this.services;
	}

	/** Every server, infrastructure first. */
	public List<Server> servers() {
		List<Server> all = new ArrayList<>(infrastructure());
		all.addAll(this.services);
		return all;
	}

	/** The server of that name. */
	public Optional<Server> server(String name) {
		return servers().stream().filter((server) -> server.name().equals(name)).findFirst();
	}

	/**
	 * Starts the infrastructure and, if asked, the services, and waits until all are
	 * healthy. The services start as soon as the servers they cannot start without
	 * (PostgreSQL, Kafka, S3) are up, while Keycloak may still be booting. On failure,
	 * stops what this call started and throws.
	 */
	public void up(boolean withServices, Console console) {
		List<Server> started = java.util.Collections.synchronizedList(new ArrayList<>());
		try {
			this.info.write(infoFile());
			startAll(infrastructure(), started, console);
			awaitHealthy(List.of(this.postgres, this.kafka, this.s3), started, console);
			if (withServices) {
				startAll(this.services, started, console);
			}
			List<Server> rest = new ArrayList<>(List.of(this.keycloak));
			if (withServices) {
				rest.addAll(this.services);
			}
			awaitHealthy(rest, started, console);
		}
		catch (RuntimeException ex) {
			console.step("Stopping what was started: "
					+ started.stream().map(Server::name).collect(Collectors.joining(", ")));
			stop(List.copyOf(started));
			throw ex;
		}
	}

	/**
	 * Starts just these servers of the stack (e.g. only Kafka, for a test that stops and
	 * restarts it) and waits until they are healthy.
	 */
	public void start(List<? extends Server> servers, Console console) {
		List<Server> started = java.util.Collections.synchronizedList(new ArrayList<>());
		try {
			this.info.write(infoFile());
			startAll(servers, started, console);
			awaitHealthy(servers, started, console);
		}
		catch (RuntimeException ex) {
			stop(List.copyOf(started));
			throw ex;
		}
	}

	/**
	 * Stops the stack once this JVM has exited, every shutdown hook included (a test
	 * JVM's application contexts close in shutdown hooks and still need the servers while
	 * they do): a small detached shell script waits for this process to end, then signals
	 * every server as {@code down} would, and kills what is left after a grace period.
	 */
	public void stopAfterThisJvm() {
		stopAfterThisJvm(servers());
	}

	/** Like {@link #stopAfterThisJvm()}, for just these servers. */
	public void stopAfterThisJvm(List<? extends Server> servers) {
		StringBuilder orderly = new StringBuilder();
		StringBuilder all = new StringBuilder();
		for (Server server : servers) {
			server.process().ifPresent((process) -> {
				List<ProcessHandle> tree = new ArrayList<>(List.of(process));
				tree.addAll(process.descendants().toList());
				// PostgreSQL's postmaster stops its own children; everything else gets
				// the signal tree-wide
				List<ProcessHandle> signalled = server.signalsWholeTree() ? tree : List.of(process);
				signalled.forEach((handle) -> orderly.append("kill -")
					.append(server.stopSignal())
					.append(' ')
					.append(handle.pid())
					.append(" 2>/dev/null\n"));
				tree.forEach((handle) -> all.append(' ').append(handle.pid()));
			});
		}
		String script = "while kill -0 " + ProcessHandle.current().pid() + " 2>/dev/null; do sleep 0.5; done\n"
				+ orderly + "for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do\n"
				+ "  alive=0; for pid in" + all + "; do kill -0 $pid 2>/dev/null && alive=1; done\n"
				+ "  [ $alive = 0 ] && exit 0; sleep 0.5\n" + "done\n" + "kill -KILL" + all + " 2>/dev/null\n";
		String id = Long.toString(System.nanoTime());
		ManagedProcess.start(List.of("sh", "-c", script), Map.of(), home(), home().resolve("logs/reaper.log"),
				home().resolve("run/reaper-" + id + ".pid"));
	}

	/** Stops just these servers; their data stays. */
	public void stop(List<? extends Server> servers, Console console) {
		console.step("Stopping " + servers.stream().map(Server::name).collect(Collectors.joining(", ")));
		stop(servers);
	}

	/** Stops every server of the stack that runs: the services first. */
	public void down(Console console) {
		List<Server> running = servers().stream().filter((server) -> server.process().isPresent()).toList();
		if (running.isEmpty()) {
			console.step("Nothing of devstack '" + this.info.name() + "' is running");
		}
		else {
			console.step("Stopping " + running.stream().map(Server::name).collect(Collectors.joining(", ")));
			stop(running);
			console.step("Stopped");
		}
	}

	private void stop(Collection<? extends Server> servers) {
		List<Server> services = servers.stream()
			.filter(ServiceServer.class::isInstance)
			.map(Server.class::cast)
			.toList();
		List<Server> infrastructure = servers.stream()
			.filter((server) -> !(server instanceof ServiceServer))
			.map(Server.class::cast)
			.toList();
		inParallel(services, Server::stop);
		inParallel(infrastructure, Server::stop);
	}

	private void startAll(List<? extends Server> servers, List<Server> started, Console console) {
		List<Server> toStart = new ArrayList<>();
		for (Server server : servers) {
			Optional<ProcessHandle> process = server.process();
			if (process.isPresent()) {
				console.step(server.name() + " already runs (pid " + process.get().pid() + ")");
			}
			else {
				toStart.add(server);
			}
		}
		inParallel(toStart, (server) -> {
			console.step("Starting " + server.name() + " on port "
					+ server.ports()
						.stream()
						.map((port) -> Integer.toString(port.number()))
						.collect(Collectors.joining(", ")));
			try {
				server.start(console);
				started.add(server);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return null;
		});
	}

	private void awaitHealthy(List<? extends Server> servers, List<Server> startedNow, Console console) {
		Set<Server> pending = new LinkedHashSet<>(servers);
		Map<Server, Long> since = new LinkedHashMap<>();
		long now = System.nanoTime();
		servers.forEach((server) -> since.put(server, now));
		long lastReport = now;
		while (!pending.isEmpty()) {
			for (Server server : List.copyOf(pending)) {
				Duration waited = Duration.ofNanos(System.nanoTime() - since.get(server));
				if (server.isHealthy()) {
					pending.remove(server);
					if (startedNow.contains(server)) {
						runAfterStart(server);
						console.step(server.name() + " is up (" + waited.toSeconds() + " s)");
					}
				}
				else if (server.process().isEmpty()) {
					throw new StackException(server, "stopped while starting", logTail(server));
				}
				else if (waited.compareTo(server.startTimeout()) > 0) {
					throw new StackException(server,
							"was not healthy after " + server.startTimeout().toSeconds() + " s", logTail(server));
				}
			}
			if (!pending.isEmpty() && System.nanoTime() - lastReport > Duration.ofSeconds(5).toNanos()) {
				lastReport = System.nanoTime();
				console.step("  waiting for " + pending.stream().map(Server::name).collect(Collectors.joining(", ")));
			}
			sleep(Duration.ofMillis(250));
		}
	}

	private static void runAfterStart(Server server) {
		try {
			server.afterStart();
		}
		catch (Exception ex) {
			throw new StackException(server, "started but could not be set up: " + ex.getMessage(), "");
		}
	}

	/** The last lines of the server's log. */
	public static String logTail(Server server) {
		try {
			if (!Files.isRegularFile(server.logFile())) {
				return "(no log)";
			}
			List<String> lines = Files.readAllLines(server.logFile(), StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
		}
		catch (IOException ex) {
			return "(log unreadable: " + ex.getMessage() + ")";
		}
	}

	private static <T> void inParallel(Collection<T> items, java.util.function.Function<T, ?> action) {
		if (items.isEmpty()) {
			return;
		}
		ExecutorService executor = Executors.newFixedThreadPool(items.size());
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (T item : items) {
				futures.add(executor.submit(() -> action.apply(item)));
			}
			RuntimeException failure = null;
			for (Future<?> future : futures) {
				try {
					future.get();
				}
				catch (java.util.concurrent.ExecutionException ex) {
					RuntimeException cause = (ex.getCause() instanceof RuntimeException runtime) ? runtime
							: new IllegalStateException(ex.getCause());
					if (failure == null) {
						failure = cause;
					}
					else {
						failure.addSuppressed(cause);
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("Interrupted", ex);
				}
			}
			if (failure != null) {
				throw failure;
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for servers", ex);
		}
	}

	/** A server did not come up; carries the end of its log. */
	public static final class StackException extends IllegalStateException {

		StackException(Server server, String problem, String logTail) {
			super(server.name() + " " + problem + " — its log (" + server.logFile() + ") ends with:\n" + logTail);
		}

	}

}
