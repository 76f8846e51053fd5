package dev.tracker.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ManagedProcessUnitTest {

	@TempDir
	Path dir;

	@Test
	void startedProcessIsFoundByItsPidFileAndStoppedWithItsChildren() throws Exception {
		Path pidFile = this.dir.resolve("run/server.pid");
		ProcessHandle process = ManagedProcess.start(List.of("sh", "-c", "sleep 60 & echo started; wait"),
				Map.of("GREETING", "hello"), this.dir.resolve("work"), this.dir.resolve("logs/server.log"), pidFile);
		waitFor(() -> process.descendants().findAny().isPresent());
		List<ProcessHandle> children = process.descendants().toList();

		assertThat(ManagedProcess.running(pidFile)).contains(process);
		assertThat(ManagedProcess.stop(process, "TERM", Duration.ofSeconds(10))).isTrue();
		assertThat(process.isAlive()).isFalse();
		assertThat(children).noneMatch(ProcessHandle::isAlive);
		assertThat(Files.readString(this.dir.resolve("logs/server.log"))).contains("started");
		assertThat(ManagedProcess.running(pidFile)).isEmpty();
		assertThat(pidFile).doesNotExist();
	}

	@Test
	void aPidFileOfAnotherProcessThatReusedThePidIsStale() throws Exception {
		Path pidFile = this.dir.resolve("stale.pid");
		Files.writeString(pidFile, ProcessHandle.current().pid() + " 1000\n");

		assertThat(ManagedProcess.running(pidFile)).isEmpty();
		assertThat(pidFile).doesNotExist();
	}

	@Test
	void aProcessIgnoringTheSignalIsKilledAfterTheGracePeriod() {
		ProcessHandle stubborn = ManagedProcess.start(List.of("sh", "-c", "trap '' TERM; echo ready; sleep 60"),
				Map.of(), this.dir, this.dir.resolve("stubborn.log"), this.dir.resolve("stubborn.pid"));
		waitFor(() -> readable(this.dir.resolve("stubborn.log")).contains("ready"));

		assertThat(ManagedProcess.stop(stubborn, "TERM", Duration.ofMillis(500))).isFalse();
		assertThat(stubborn.isAlive()).isFalse();
	}

	private static String readable(Path file) {
		try {
			return Files.readString(file);
		}
		catch (Exception ex) {
			return "";
		}
	}

	private static void waitFor(java.util.function.BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

}
