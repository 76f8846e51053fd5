package dev.tracker.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where things are in a checkout: the project root, the module jars, and the git-ignored
 * {@code .devstack} folder that holds server data, logs, pid files and unpacked server
 * distributions.
 *
 * @param root the project root (the folder holding {@code tracker} and the parent
 * {@code pom.xml})
 */
public record ProjectLayout(Path root) {

	/** The layout of the checkout containing the working directory. */
	public static ProjectLayout find() {
		String configured = System.getProperty("tracker.root", System.getenv("TRACKER_ROOT"));
		if (configured != null && !configured.isBlank()) {
			return new ProjectLayout(Path.of(configured).toAbsolutePath().normalize());
		}
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null) {
			if (Files.isRegularFile(dir.resolve("tracker")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
				return new ProjectLayout(dir);
			}
			dir = dir.getParent();
		}
		throw new IllegalStateException("Not inside the tracker project: no folder above "
				+ Path.of("").toAbsolutePath() + " holds both 'tracker' and 'pom.xml'");
	}

	/** The git-ignored folder devstack keeps everything in. */
	public Path devstackHome() {
		return this.root.resolve(".devstack");
	}

	/** Unpacked server distributions, shared by every stack of this checkout. */
	public Path cache() {
		return devstackHome().resolve("cache");
	}

	/** The home folder of the stack with the given name ({@code dev}, {@code test}). */
	public Path stackHome(String stackName) {
		return devstackHome().resolve(stackName);
	}

	/** The Keycloak realm import folder. */
	public Path realmImports() {
		return this.root.resolve("auth");
	}

	/** The executable jar a module's build makes, if it was built. */
	public Optional<Path> moduleJar(String module) {
		Path target = this.root.resolve(module).resolve("target");
		if (!Files.isDirectory(target)) {
			return Optional.empty();
		}
		try (Stream<Path> files = Files.list(target)) {
			return files.filter((file) -> file.getFileName().toString().startsWith(module + "-"))
				.filter((file) -> file.getFileName().toString().endsWith(".jar"))
				.filter((file) -> !file.getFileName().toString().endsWith("-sources.jar"))
				.filter((file) -> !file.getFileName().toString().endsWith("-tests.jar"))
				.findFirst();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
