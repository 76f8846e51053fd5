package dev.tracker.devstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A server process that outlives the command that started it: output goes to a log file,
 * and a pid file (pid and start time, so a recycled pid is never mistaken for ours) lets
 * a later command find and stop it.
 */
public final class ManagedProcess {

	private static final boolean LINUX = System.getProperty("os.name").toLowerCase().contains("linux");

	private ManagedProcess() {
	}

	/**
	 * Starts the command detached from the terminal (its own session where {@code setsid}
	 * exists), appending its output to the log file, and records it in the pid file.
	 */
	public static ProcessHandle start(List<String> command, Map<String, String> environment, Path workDir, Path logFile,
			Path pidFile) {
		List<String> detached = new ArrayList<>();
		if (LINUX && new File("/usr/bin/setsid").canExecute()) {
			detached.add("/usr/bin/setsid");
		}
		detached.addAll(command);
		try {
			Files.createDirectories(logFile.getParent());
			Files.createDirectories(pidFile.getParent());
			Files.createDirectories(workDir);
			ProcessBuilder builder = new ProcessBuilder(detached).directory(workDir.toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
			builder.environment().putAll(environment);
			ProcessHandle handle = builder.start().toHandle();
			Instant started = handle.info().startInstant().orElse(Instant.EPOCH);
			Files.writeString(pidFile, handle.pid() + " " + started.toEpochMilli() + "\n", StandardCharsets.US_ASCII);
			return handle;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + command.get(0), ex);
		}
	}

	/** The live process the pid file names; a stale pid file is removed. */
	public static Optional<ProcessHandle> running(Path pidFile) {
		if (!Files.isRegularFile(pidFile)) {
			return Optional.empty();
		}
		try {
			String[] fields = Files.readString(pidFile, StandardCharsets.US_ASCII).trim().split("\\s+");
			long pid = Long.parseLong(fields[0]);
			long startedMillis = (fields.length > 1) ? Long.parseLong(fields[1]) : 0;
			Optional<ProcessHandle> handle = ProcessHandle.of(pid)
				.filter(ProcessHandle::isAlive)
				.filter((process) -> startedMillis == 0 || process.info()
					.startInstant()
					.map((start) -> Math.abs(start.toEpochMilli() - startedMillis) < 2000)
					.orElse(true));
			if (handle.isEmpty()) {
				Files.deleteIfExists(pidFile);
			}
			return handle;
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Stops the process and everything it started: the given signal first ({@code TERM}
	 * for an orderly shutdown, {@code INT} for PostgreSQL's fast shutdown) to every
	 * process of the tree, then {@code KILL} for whatever is left after the grace period.
	 * A launcher script (Keycloak's {@code kc.sh}) does not pass signals on, which is why
	 * the whole tree gets it.
	 * @return whether it stopped within the grace period
	 */
	public static boolean stop(ProcessHandle process, String signal, Duration grace) {
		return stop(process, signal, grace, true);
	}

	/**
	 * Like {@link #stop(ProcessHandle, String, Duration)}; with {@code wholeTree} false
	 * only the process itself gets the orderly signal (PostgreSQL's postmaster stops its
	 * own children).
	 */
	public static boolean stop(ProcessHandle process, String signal, Duration grace, boolean wholeTree) {
		List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
		tree.add(0, process);
		(wholeTree ? tree : List.of(process)).forEach((member) -> signal(member, signal));
		boolean orderly = awaitExit(tree, grace);
		if (!orderly) {
			tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
			awaitExit(tree, Duration.ofSeconds(5));
		}
		return orderly;
	}

	private static void signal(ProcessHandle process, String signal) {
		if ("TERM".equals(signal)) {
			process.destroy();
			return;
		}
		try {
			new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO()
				.start()
				.waitFor(5, TimeUnit.SECONDS);
		}
		catch (IOException ex) {
			process.destroy();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static boolean awaitExit(List<ProcessHandle> processes, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (processes.stream().anyMatch(ProcessHandle::isAlive)) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return true;
	}

}
