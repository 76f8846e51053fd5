package dev.tracker.devstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Builds what {@code ./tracker up} runs when it is missing or older than its sources: one
 * Maven build of the reactor (which also runs the portal's npm build), tests skipped, its
 * output in a log file and its progress on the console.
 */
final class Builder {

	private static final Pattern MODULE_LINE = Pattern.compile("^\\[INFO\\] Building (\\S+) \\S+\\s+\\[(\\d+/\\d+)\\]");

	/** What each runnable module is built from, besides its own folder. */
	private static final List<String> SHARED_SOURCES = List.of("pom.xml", "events/src", "events/pom.xml");

	private final ProjectLayout layout;

	private final Console console;

	Builder(ProjectLayout layout, Console console) {
		this.layout = layout;
		this.console = console;
	}

	/** Builds unless every service jar is newer than everything it is made from. */
	void buildIfNeeded(Path logFile) {
		List<String> stale = staleModules();
		if (stale.isEmpty()) {
			this.console.step("Build is up to date");
			return;
		}
		this.console.step("Building (" + String.join(", ", stale) + " missing or changed); log: "
				+ this.layout.root().relativize(logFile));
		build(logFile);
	}

	List<String> staleModules() {
		List<String> stale = new ArrayList<>();
		for (String module : StackInfo.SERVICES) {
			Optional<Path> jar = this.layout.moduleJar(module);
			List<String> sources = new ArrayList<>(SHARED_SOURCES);
			sources.add(module + "/src");
			sources.add(module + "/pom.xml");
			if ("gateway".equals(module)) {
				sources.addAll(List.of("portal/src", "portal/static", "portal/package.json", "portal/svelte.config.js",
						"portal/vite.config.ts"));
			}
			if (jar.isEmpty() || newest(sources).compareTo(lastModified(jar.get())) > 0) {
				stale.add(module);
			}
		}
		return stale;
	}

	private FileTime newest(List<String> sources) {
		FileTime newest = FileTime.fromMillis(0);
		for (String source : sources) {
			Path path = this.layout.root().resolve(source);
			if (!Files.exists(path)) {
				continue;
			}
			try (Stream<Path> files = Files.walk(path)) {
				for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
					FileTime modified = lastModified(file);
					if (modified.compareTo(newest) > 0) {
						newest = modified;
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return newest;
	}

	private static FileTime lastModified(Path file) {
		try {
			return Files.getLastModifiedTime(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void build(Path logFile) {
		List<String> command = List.of(this.layout.root().resolve("mvnw").toString(), "-B", "-DskipTests",
				"-Djacoco.skip=true", "package");
		try {
			Files.createDirectories(logFile.getParent());
			Process maven = new ProcessBuilder(command).directory(this.layout.root().toFile())
				.redirectErrorStream(true)
				.start();
			try (BufferedReader out = new BufferedReader(
					new InputStreamReader(maven.getInputStream(), StandardCharsets.UTF_8));
					PrintWriter log = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8))) {
				String line;
				while ((line = out.readLine()) != null) {
					log.println(line);
					Matcher module = MODULE_LINE.matcher(line);
					if (module.find()) {
						this.console.step("  building " + module.group(1) + " (" + module.group(2) + ")");
					}
				}
			}
			if (maven.waitFor() != 0) {
				throw new IllegalStateException(
						"The build failed; see " + logFile + " (or run ./mvnw -DskipTests package)");
			}
			this.console.step("Build done");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not run Maven", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while building", ex);
		}
	}

}
