package dev.tracker.e2e.system;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.tracker.devstack.ProjectLayout;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Playwright tests of {@code e2e/browser} against the running system, in the Chromium
 * of the machine (Debian's {@code chromium} package; {@code CHROMIUM_PATH} names
 * another). Nothing is downloaded but npm packages.
 */
class PortalBrowserIntegrationTest {

	private final RunningSystem system = RunningSystem.get();

	@Test
	void reporterLogsInAndSeesANewIssueArriveWithoutAReload() throws Exception {
		String chromium = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");
		assertThat(new File(chromium))
			.as("Chromium for the browser tests at %s: install it with "
					+ "'apt-get install -y chromium' (or set CHROMIUM_PATH)", chromium)
			.canRead();
		Path browserTests = ProjectLayout.find().root().resolve("e2e/browser");
		if (!Files.isDirectory(browserTests.resolve("node_modules/@playwright/test"))) {
			assertThat(run(browserTests, List.of("npm", "ci", "--no-audit", "--no-fund"))).as("npm ci").isZero();
		}

		int exit = run(browserTests, List.of("npx", "playwright", "test"));

		assertThat(exit).as("playwright test exit code; see the output above and e2e/browser/test-results").isZero();
	}

	/**
	 * Runs a command with its output in a log under {@code target/}, printed afterwards:
	 * the test JVM's own standard streams belong to Surefire and must not be handed to a
	 * child.
	 */
	private int run(Path directory, List<String> command) throws IOException, InterruptedException {
		Path log = Files.createTempFile(ProjectLayout.find().root().resolve("e2e/target"), "browser-", ".log");
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().put("TRACKER_PORTAL_URL", this.system.gatewayUrl());
		builder.environment().put("TRACKER_KEYCLOAK_URL", this.system.info().keycloakUrl());
		builder.environment().putIfAbsent("CHROMIUM_PATH", "/usr/bin/chromium");
		builder.environment().put("CI", "true");
		Process process = builder.start();
		boolean finished = process.waitFor(5, TimeUnit.MINUTES);
		if (!finished) {
			process.destroyForcibly();
		}
		System.out.println(Files.readString(log));
		if (!finished) {
			throw new IllegalStateException(command + " did not finish within 5 minutes; its output is above");
		}
		return process.exitValue();
	}

}
