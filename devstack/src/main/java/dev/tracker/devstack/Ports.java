package dev.tracker.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Free ports, and who holds a taken one. */
public final class Ports {

	private static final Set<Integer> handedOut = new HashSet<>();

	private Ports() {
	}

	/**
	 * Whether nothing listens on the port on the loopback interface (and nothing would
	 * stop us binding it).
	 */
	public static boolean isFree(int port) {
		if (isListening(port)) {
			return false;
		}
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** Whether something accepts connections on the port on 127.0.0.1. */
	public static boolean isListening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** A port that is free now and was not handed out before by this JVM. */
	public static synchronized int findFree() {
		for (int attempt = 0; attempt < 100; attempt++) {
			try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
				int port = socket.getLocalPort();
				if (handedOut.add(port)) {
					return port;
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		throw new IllegalStateException("No free port found");
	}

	/** Fails with a message naming the port and what holds it when the port is taken. */
	public static void requireFree(int port, String purpose) {
		if (!isFree(port)) {
			throw new PortTakenException(port, purpose, holder(port));
		}
	}

	/**
	 * Describes the process listening on the port ({@code pid 123: java -jar ...}), from
	 * {@code /proc} on Linux or {@code lsof} elsewhere, if it can be found out.
	 */
	public static Optional<String> holder(int port) {
		Optional<Long> pid = linuxListenerPid(port).or(() -> lsofListenerPid(port));
		return pid.map((p) -> "pid " + p + ": "
				+ ProcessHandle.of(p)
					.flatMap((handle) -> handle.info().commandLine())
					.map(Ports::shorten)
					.orElse("(command unknown)"));
	}

	private static String shorten(String commandLine) {
		return (commandLine.length() <= 160) ? commandLine : commandLine.substring(0, 157) + "...";
	}

	private static Optional<Long> linuxListenerPid(int port) {
		Set<String> inodes = new HashSet<>();
		for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
			inodes.addAll(listeningInodes(Path.of(table), port));
		}
		if (inodes.isEmpty()) {
			return Optional.empty();
		}
		try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
			for (Path process : (Iterable<Path>) processes::iterator) {
				String name = process.getFileName().toString();
				if (name.chars().allMatch(Character::isDigit) && holdsSocket(process, inodes)) {
					return Optional.of(Long.parseLong(name));
				}
			}
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		return Optional.empty();
	}

	private static List<String> listeningInodes(Path table, int port) {
		if (!Files.isReadable(table)) {
			return List.of();
		}
		List<String> inodes = new ArrayList<>();
		String hexPort = String.format(Locale.ROOT, ":%04X", port);
		try {
			for (String line : Files.readAllLines(table, StandardCharsets.US_ASCII)) {
				String[] fields = line.trim().split("\\s+");
				// fields: sl local_address rem_address st ... inode; st 0A = LISTEN
				if (fields.length > 9 && fields[1].endsWith(hexPort) && "0A".equals(fields[3])) {
					inodes.add(fields[9]);
				}
			}
		}
		catch (IOException ex) {
			return List.of();
		}
		return inodes;
	}

	private static boolean holdsSocket(Path process, Set<String> inodes) {
		try (Stream<Path> fds = Files.list(process.resolve("fd"))) {
			return fds.anyMatch((fd) -> {
				try {
					String target = Files.readSymbolicLink(fd).toString();
					return target.startsWith("socket:[")
							&& inodes.contains(target.substring("socket:[".length(), target.length() - 1));
				}
				catch (IOException ex) {
					return false;
				}
			});
		}
		catch (IOException | SecurityException ex) {
			return false;
		}
	}

	private static Optional<Long> lsofListenerPid(int port) {
		try {
			Process lsof = new ProcessBuilder("lsof", "-nP", "-t", "-iTCP:" + port, "-sTCP:LISTEN")
				.redirectErrorStream(true)
				.start();
			String out = new String(lsof.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
			if (!lsof.waitFor(5, TimeUnit.SECONDS) || out.isEmpty()) {
				return Optional.empty();
			}
			return Optional.of(Long.parseLong(out.lines().findFirst().orElseThrow().trim()));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	/** A port devstack needs is taken by something else. */
	public static final class PortTakenException extends IllegalStateException {

		PortTakenException(int port, String purpose, Optional<String> holder) {
			super("Port " + port + " (" + purpose + ") is taken by "
					+ holder.orElse("another process (run 'lsof -i :" + port + "' to see which)")
					+ ". Stop it, or run './tracker down' if it is a tracker left over from before.");
		}

	}

}
