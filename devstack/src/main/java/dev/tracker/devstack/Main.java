package dev.tracker.devstack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Java side of {@code ./tracker}: {@code up}, {@code down}, {@code status},
 * {@code logs [name]}, and {@code test-up}/{@code test-down} for the test run's
 * throw-away stack.
 */
public final class Main {

	private static final String TEST_STACK = "test";

	private final ProjectLayout layout;

	private final Console console = Console.system();

	private Main(ProjectLayout layout) {
		this.layout = layout;
	}

	public static void main(String[] args) {
		String command = (args.length > 0) ? args[0] : "help";
		Main main = new Main(ProjectLayout.find());
		try {
			switch (command) {
				case "up" -> main.up();
				case "down" -> main.down();
				case "status" -> main.status();
				case "logs" -> main.logs((args.length > 1) ? args[1] : null);
				case "test-up" -> main.testUp();
				case "test-down" -> main.testDown();
				default -> {
					System.err.println("usage: tracker up | down | status | logs [name] | test");
					System.exit(2);
				}
			}
		}
		catch (RuntimeException ex) {
			System.err.println();
			System.err.println("error: " + ex.getMessage());
			System.exit(1);
		}
	}

	private Stack devStack() {
		return Stack.dev(this.layout, Map.of("TRACKER_DEMO_DATA", "true"));
	}

	private void up() {
		Stack stack = devStack();
		new Builder(this.layout, this.console).buildIfNeeded(stack.home().resolve("logs").resolve("build.log"));
		stack.up(true, this.console);
		StackInfo info = stack.info();
		String portal = info.portalUrl();
		this.console.line("");
		this.console.line(String.format(Locale.ROOT, "Issues & Insights Tracker is up (%d s).",
				this.console.elapsed().toSeconds()));
		this.console.line("");
		this.console.line("  Portal          " + portal + "/");
		this.console.line("  API docs        " + portal + "/api/docs");
		this.console.line("  Keycloak admin  " + info.keycloakUrl() + "/admin/   (" + StackInfo.KEYCLOAK_ADMIN + " / "
				+ StackInfo.KEYCLOAK_ADMIN_PASSWORD + ")");
		this.console.line("");
		this.console.line("  Demo logins, password test1234:");
		this.console.line("    admin@example.com        ADMIN");
		this.console.line("    maintainer@example.com   MAINTAINER");
		this.console.line("    reporter@example.com     REPORTER");
		this.console.line("");
		this.console.line("  ./tracker status   ./tracker logs <name>   ./tracker down");
	}

	private void down() {
		devStack().down(this.console);
	}

	private void status() {
		Stack stack = devStack();
		this.console.line(String.format(Locale.ROOT, "%-22s %-8s %-8s %s", "SERVER", "PID", "HEALTH", "PORTS"));
		for (Server server : stack.servers()) {
			String pid = server.process().map((process) -> Long.toString(process.pid())).orElse("-");
			String health = "-".equals(pid) ? "stopped" : (server.isHealthy() ? "up" : "starting");
			List<String> ports = new ArrayList<>();
			server.ports().forEach((port) -> ports.add(port.number() + " " + port.purpose()));
			this.console.line(String.format(Locale.ROOT, "%-22s %-8s %-8s %s", server.name(), pid, health,
					String.join(", ", ports)));
		}
	}

	/**
	 * Prints the end of a server's log (or every log) and follows it, like
	 * {@code tail -F}.
	 */
	private void logs(String name) {
		Stack stack = devStack();
		List<Server> servers = (name != null)
				? List.of(stack.server(name)
					.orElseThrow(() -> new IllegalArgumentException("No server called '" + name + "'; one of: "
							+ String.join(", ", stack.servers().stream().map(Server::name).toList()))))
				: stack.servers();
		List<Follower> followers = servers.stream().map((server) -> new Follower(server, servers.size() > 1)).toList();
		followers.forEach(Follower::printTail);
		while (true) {
			followers.forEach(Follower::printNew);
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	private void testUp() {
		Stack stack = Stack.throwAway(this.layout, TEST_STACK);
		stack.up(false, this.console);
		this.console.step("Test stack is up: " + stack.infoFile());
	}

	private void testDown() {
		Path info = this.layout.stackHome(TEST_STACK).resolve("stack.properties");
		if (Files.isRegularFile(info)) {
			Stack.described(this.layout, info).down(this.console);
		}
	}

	/** Follows one log file. */
	private static final class Follower {

		private final Server server;

		private final boolean prefixed;

		private long position;

		Follower(Server server, boolean prefixed) {
			this.server = server;
			this.prefixed = prefixed;
		}

		void printTail() {
			Path log = this.server.logFile();
			if (!Files.isRegularFile(log)) {
				return;
			}
			String tail = Stack.logTail(this.server);
			tail.lines().forEach(this::print);
			try {
				this.position = Files.size(log);
			}
			catch (IOException ex) {
				this.position = 0;
			}
		}

		void printNew() {
			Path log = this.server.logFile();
			try {
				if (!Files.isRegularFile(log)) {
					return;
				}
				long size = Files.size(log);
				if (size < this.position) {
					this.position = 0;
				}
				if (size == this.position) {
					return;
				}
				try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
					file.seek(this.position);
					byte[] bytes = new byte[(int) Math.min(size - this.position, 1 << 20)];
					file.readFully(bytes);
					this.position += bytes.length;
					new String(bytes, StandardCharsets.UTF_8).lines().forEach(this::print);
				}
			}
			catch (IOException ex) {
				// the file rolled over or vanished; try again on the next round
			}
		}

		private void print(String line) {
			System.out
				.println(this.prefixed ? String.format(Locale.ROOT, "%-20s | %s", this.server.name(), line) : line);
		}

	}

}
