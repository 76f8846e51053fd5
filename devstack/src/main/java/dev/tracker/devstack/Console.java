package dev.tracker.devstack;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * What devstack tells the person at the terminal: one line per step, each stamped with
 * the time since the command started, so that long steps show progress instead of
 * silence.
 */
public final class Console {

	private final PrintStream out;

	private final long startNanos = System.nanoTime();

	public Console(PrintStream out) {
		this.out = out;
	}

	/** A console on standard output. */
	public static Console system() {
		return new Console(System.out);
	}

	/** Prints a step, stamped with the elapsed time. */
	public synchronized void step(String message) {
		this.out.printf(Locale.ROOT, "[%6.1fs] %s%n", elapsed().toMillis() / 1000.0, message);
		this.out.flush();
	}

	/** Prints a line as it is. */
	public synchronized void line(String message) {
		this.out.println(message);
		this.out.flush();
	}

	/** Time since this console was made. */
	public Duration elapsed() {
		return Duration.ofNanos(System.nanoTime() - this.startNanos);
	}

}
