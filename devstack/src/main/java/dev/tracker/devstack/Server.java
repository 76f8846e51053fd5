package dev.tracker.devstack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One server of a stack, run as its own process: how to prepare it, the command that runs
 * it, the ports it needs, and the real health check that says it is ready.
 */
public abstract class Server {

	private final String name;

	protected final Stack stack;

	protected Server(String name, Stack stack) {
		this.name = name;
		this.stack = stack;
	}

	/** The server's name, used for its log file, pid file and data folder. */
	public String name() {
		return this.name;
	}

	/** The ports the server listens on, each with what it is for. */
	public abstract List<Port> ports();

	/**
	 * One-time or every-time preparation before the process starts: unpacking,
	 * formatting, config files.
	 */
	protected void prepare(Console console) throws IOException {
	}

	/** The command line that runs the server in the foreground. */
	protected abstract List<String> command() throws IOException;

	/** Environment variables for the process, on top of the inherited ones. */
	protected Map<String, String> environment() {
		return Map.of();
	}

	/** One real check that the server does its job now. */
	public abstract boolean isHealthy();

	/**
	 * Called once the server is healthy for the first time after its start: create
	 * databases and the like.
	 */
	protected void afterStart() throws Exception {
	}

	/** How long the server may take to become healthy. */
	protected Duration startTimeout() {
		return Duration.ofSeconds(90);
	}

	/** The signal that shuts the server down in an orderly way. */
	protected String stopSignal() {
		return "TERM";
	}

	/**
	 * Whether the stop signal goes to every process the server started, or to its main
	 * process only.
	 */
	protected boolean signalsWholeTree() {
		return true;
	}

	/** The server's own folder in the stack's home. */
	public Path home() {
		return this.stack.home().resolve(this.name);
	}

	/** Where the server's output goes. */
	public Path logFile() {
		return this.stack.home().resolve("logs").resolve(this.name + ".log");
	}

	Path pidFile() {
		return this.stack.home().resolve("run").resolve(this.name + ".pid");
	}

	/** The running process of this server, if there is one. */
	public Optional<ProcessHandle> process() {
		return ManagedProcess.running(pidFile());
	}

	ProcessHandle start(Console console) throws IOException {
		for (Port port : ports()) {
			Ports.requireFree(port.number(), this.name + " " + port.purpose());
		}
		prepare(console);
		return ManagedProcess.start(command(), environment(), home(), logFile(), pidFile());
	}

	boolean stop() {
		return process()
			.map((process) -> ManagedProcess.stop(process, stopSignal(), Duration.ofSeconds(30), signalsWholeTree()))
			.orElse(true);
	}

	@Override
	public String toString() {
		return this.name;
	}

	/**
	 * A port a server listens on.
	 *
	 * @param number the port number
	 * @param purpose what it is for
	 */
	public record Port(int number, String purpose) {
	}

}
