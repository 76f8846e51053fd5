package dev.tracker.e2e.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks {@code .github/workflows/ci.yml}: every push and pull request runs the whole
 * test suite with a real Chromium, and pushes to main publish the images.
 */
class CiWorkflowTest {

	private static final String SERVICE_MODULES = "gateway,issue-service,file-service,stats-service,notification-service";

	private static JsonNode workflow;

	@BeforeAll
	static void readWorkflow() {
		Path file = DeployTestUtils.projectRoot().resolve(".github/workflows/ci.yml");
		workflow = DeployTestUtils.readYaml(file);
	}

	@Test
	void runsOnEveryPushAndPullRequest() {
		assertThat(workflow.path("on").propertyNames()).contains("push", "pull_request");
		assertThat(workflow.at("/on/push/branches").isMissingNode()).as("push is not limited to branches").isTrue();
	}

	@Test
	void testJobRunsEveryTestThroughTheTrackerCommand() {
		assertThat(runCommands(job("test"))).anyMatch((run) -> run.strip().equals("./tracker test"));
	}

	@Test
	void testJobInstallsChromiumAndDockerComposeFromPackages() {
		assertThat(runCommands(job("test"))).anyMatch(
				(run) -> run.contains("apt-get install") && run.contains("chromium") && run.contains("docker-compose"));
	}

	@Test
	void testJobSetsUpJava17AndNode20WithCaches() {
		JsonNode java = step(job("test"), "actions/setup-java");
		assertThat(java.at("/with/distribution").asString()).isEqualTo("temurin");
		assertThat(java.at("/with/java-version").asString()).isEqualTo("17");
		assertThat(java.at("/with/cache").asString()).isEqualTo("maven");
		JsonNode node = step(job("test"), "actions/setup-node");
		assertThat(node.at("/with/node-version").asString()).isEqualTo("20");
		assertThat(node.at("/with/cache").asString()).isEqualTo("npm");
		assertThat(node.at("/with/cache-dependency-path").asString()).contains("portal/package-lock.json",
				"e2e/browser/package-lock.json");
	}

	@Test
	void testJobUploadsReportsWhenItFails() {
		JsonNode upload = step(job("test"), "actions/upload-artifact");
		assertThat(upload.path("if").asString()).isEqualTo("failure()");
		assertThat(upload.at("/with/path").asString()).contains("surefire-reports", "test-results");
	}

	@Test
	void imageJobPushesWithJibAfterTheTestsOnMainOnly() {
		JsonNode images = job("images");
		assertThat(images.path("needs").asString()).isEqualTo("test");
		assertThat(images.path("if").asString()).contains("github.event_name == 'push'")
			.contains("github.ref == 'refs/heads/main'");
		assertThat(images.at("/permissions/packages").asString()).isEqualTo("write");
		assertThat(runCommands(images)).anyMatch((run) -> run.contains("jib:build")
				&& run.contains("-pl " + SERVICE_MODULES) && run.contains("-Dimage.registry=")
				&& run.contains("-Djib.to.auth.username=") && run.contains("-Djib.to.auth.password="));
	}

	private static JsonNode job(String name) {
		JsonNode job = workflow.path("jobs").path(name);
		assertThat(job.isObject()).as("job %s", name).isTrue();
		return job;
	}

	private static List<String> runCommands(JsonNode job) {
		List<String> commands = new ArrayList<>();
		for (JsonNode step : job.path("steps")) {
			if (step.has("run")) {
				commands.add(step.path("run").asString());
			}
		}
		return commands;
	}

	private static JsonNode step(JsonNode job, String action) {
		for (JsonNode step : job.path("steps")) {
			if (step.path("uses").asString("").startsWith(action + "@")) {
				return step;
			}
		}
		throw new AssertionError("no step uses " + action);
	}

}
