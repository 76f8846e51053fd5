package dev.tracker.e2e.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Shared fixtures of the deployment descriptor tests: the project root, YAML parsing and
 * running command-line tools.
 */
final class DeployTestUtils {

	/** The five Spring Boot services and their ports (docs/conventions.md). */
	static final Map<String, Integer> SERVICES = Map.of("gateway", 8080, "issue-service", 8081, "file-service", 8082,
			"stats-service", 8083, "notification-service", 8084);

	private static final YAMLMapper YAML = new YAMLMapper();

	private DeployTestUtils() {
	}

	/**
	 * The repository root: the nearest directory at or above the working directory that
	 * holds {@code pom.xml} and the {@code tracker} command (or the Maven wrapper, which
	 * only the root has). Module tests run with the module as working directory.
	 * @return the project root
	 */
	static Path projectRoot() {
		Path start = Path.of("").toAbsolutePath();
		for (Path dir = start; dir != null; dir = dir.getParent()) {
			boolean root = Files.isRegularFile(dir.resolve("tracker")) || Files.isRegularFile(dir.resolve("mvnw"));
			if (root && Files.isRegularFile(dir.resolve("pom.xml"))) {
				return dir;
			}
		}
		throw new IllegalStateException("No directory with pom.xml and tracker at or above " + start);
	}

	static JsonNode readYaml(Path file) {
		return YAML.readTree(file);
	}

	/**
	 * Parses a multi-document YAML stream (as {@code helm template} prints it), leaving
	 * out empty documents.
	 * @param yaml the YAML text
	 * @return one node per non-empty document
	 */
	static List<JsonNode> readYamlDocuments(String yaml) {
		List<JsonNode> documents = new ArrayList<>();
		try (MappingIterator<JsonNode> iterator = YAML.readerFor(JsonNode.class).readValues(yaml)) {
			while (iterator.hasNextValue()) {
				JsonNode document = iterator.nextValue();
				if (document != null && document.isObject() && !document.isEmpty()) {
					documents.add(document);
				}
			}
		}
		return documents;
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Whether an executable of that name is on the {@code PATH}.
	 * @param name the executable's name
	 * @return true if found
	 */
	static boolean onPath(String name) {
		String path = System.getenv("PATH");
		if (path == null) {
			return false;
		}
		for (String dir : path.split(java.io.File.pathSeparator)) {
			Path candidate = Path.of(dir, name);
			if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Runs a command and waits for it.
	 * @param directory working directory
	 * @param command the command and its arguments
	 * @return exit code and combined output
	 */
	static CommandResult run(Path directory, List<String> command) {
		try {
			Process process = new ProcessBuilder(command).directory(directory.toFile())
				.redirectErrorStream(true)
				.start();
			process.getOutputStream().close();
			String output = new String(process.getInputStream().readAllBytes());
			if (!process.waitFor(2, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				return new CommandResult(-1, output + "\n(timed out)");
			}
			return new CommandResult(process.exitValue(), output);
		}
		catch (IOException ex) {
			return new CommandResult(-1, ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record CommandResult(int exitCode, String output) {

	}

}
