package dev.tracker.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Deleting and unpacking folders. */
final class FileTrees {

	private FileTrees() {
	}

	/** Deletes the file or folder and everything in it; nothing if it does not exist. */
	static void delete(Path path) throws IOException {
		if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		try (Stream<Path> files = Files.walk(path)) {
			for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
				Files.delete(file);
			}
		}
	}

	/**
	 * Unpacks a zip into the target folder, dropping the archive's single top-level
	 * folder, marking scripts in {@code bin/} executable. Unpacks into a sibling first,
	 * so that an interrupted run leaves no half folder.
	 */
	static void unzipStrippingTopFolder(Path zip, Path target) throws IOException {
		Path partial = target.resolveSibling(target.getFileName() + ".partial");
		delete(partial);
		Files.createDirectories(partial);
		try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
			ZipEntry entry;
			while ((entry = entries.getNextEntry()) != null) {
				String name = entry.getName();
				int slash = name.indexOf('/');
				if (slash < 0 || slash == name.length() - 1) {
					continue;
				}
				Path path = partial.resolve(name.substring(slash + 1)).normalize();
				if (!path.startsWith(partial)) {
					throw new IOException("Archive entry outside the target: " + name);
				}
				if (entry.isDirectory()) {
					Files.createDirectories(path);
					continue;
				}
				Files.createDirectories(path.getParent());
				Files.copy(entries, path, StandardCopyOption.REPLACE_EXISTING);
				if (path.getParent().getFileName().toString().equals("bin") && name.endsWith(".sh")) {
					makeExecutable(path);
				}
			}
		}
		delete(target);
		Files.move(partial, target);
	}

	static void makeExecutable(Path file) throws IOException {
		Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(file));
		permissions.add(PosixFilePermission.OWNER_EXECUTE);
		Files.setPosixFilePermissions(file, permissions);
	}

}
