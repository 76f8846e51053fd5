package dev.tracker.devstack;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * PostgreSQL from zonky's embedded binaries (only the binaries jar of this platform is on
 * the classpath), run directly with {@code postgres -D}. PostgreSQL refuses to run as
 * root; as root on Linux it runs in a user namespace of its own ({@code unshare --user}),
 * where it is not root.
 */
public final class PostgresServer extends Server {

	/** The databases the services own. */
	public static final List<String> DATABASES = List.of("issues", "files", "stats");

	private static final String OS = System.getProperty("os.name").toLowerCase(Locale.ROOT);

	PostgresServer(Stack stack) {
		super("postgres", stack);
	}

	@Override
	public List<Port> ports() {
		return List.of(new Port(this.stack.info().postgresPort(), "SQL"));
	}

	private Path dataDir() {
		return home().resolve("data");
	}

	private Path binaries() {
		return this.stack.layout()
			.cache()
			.resolve("postgres-" + this.stack.artifacts().postgresVersion() + "-" + system() + "-" + architecture());
	}

	@Override
	protected void prepare(Console console) throws IOException {
		Path binaries = binaries();
		if (!Files.isRegularFile(binaries.resolve("bin/postgres"))) {
			console.step("Unpacking PostgreSQL " + this.stack.artifacts().postgresVersion() + " binaries");
			extract(binaries);
		}
		if (!Files.isRegularFile(dataDir().resolve("PG_VERSION"))) {
			console.step("Creating the PostgreSQL cluster in " + this.stack.layout().root().relativize(dataDir()));
			initdb(binaries);
		}
	}

	private void extract(Path target) throws IOException {
		Path partial = target.resolveSibling(target.getFileName() + ".partial");
		FileTrees.delete(partial);
		Files.createDirectories(partial);
		try (InputStream txz = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system(), architecture());
				TarArchiveInputStream tar = new TarArchiveInputStream(
						new XZCompressorInputStream(new BufferedInputStream(txz)))) {
			TarArchiveEntry entry;
			while ((entry = tar.getNextEntry()) != null) {
				Path path = partial.resolve(entry.getName()).normalize();
				if (!path.startsWith(partial)) {
					throw new IOException("Archive entry outside the target: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(path);
				}
				else if (entry.isSymbolicLink()) {
					Files.createDirectories(path.getParent());
					Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
				}
				else {
					Files.createDirectories(path.getParent());
					Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
					if ((entry.getMode() & 0100) != 0) {
						FileTrees.makeExecutable(path);
					}
				}
			}
		}
		FileTrees.delete(target);
		Files.move(partial, target);
	}

	private void initdb(Path binaries) throws IOException {
		FileTrees.delete(dataDir());
		Files.createDirectories(dataDir().getParent());
		Path passwordFile = home().resolve("superuser.pw");
		Files.writeString(passwordFile, this.stack.info().postgresSuperuserPassword() + "\n");
		List<String> command = asUnprivileged(binaries.resolve("bin/initdb").toString());
		command.addAll(List.of("-D", dataDir().toString(), "-U", "postgres", "--pwfile=" + passwordFile,
				"--auth=scram-sha-256", "-E", "UTF8", "--locale=C", "--no-instructions"));
		Path log = home().resolve("initdb.log");
		Process initdb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		try {
			if (initdb.waitFor() != 0) {
				throw new IllegalStateException("initdb failed: " + Files.readString(log, StandardCharsets.UTF_8));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while creating the PostgreSQL cluster", ex);
		}
		finally {
			Files.deleteIfExists(passwordFile);
		}
	}

	@Override
	protected List<String> command() {
		List<String> command = asUnprivileged(binaries().resolve("bin/postgres").toString());
		command.addAll(List.of("-D", dataDir().toString(), "-p", Integer.toString(this.stack.info().postgresPort()),
				"-h", "127.0.0.1", "-k", "", "-c", "max_connections=200", "-c", "shared_buffers=256MB", "-c",
				"fsync=" + (this.stack.isThrowAway() ? "off" : "on")));
		return command;
	}

	private static List<String> asUnprivileged(String executable) {
		List<String> command = new ArrayList<>();
		if (isRoot() && OS.contains("linux")) {
			command.addAll(List.of("unshare", "--user"));
		}
		command.add(executable);
		return command;
	}

	private static boolean isRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	@Override
	public boolean isHealthy() {
		try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
			return statement.execute("SELECT 1");
		}
		catch (SQLException ex) {
			return false;
		}
	}

	@Override
	protected void afterStart() throws SQLException {
		try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
			try (ResultSet role = statement
				.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + StackInfo.DB_USER + "'")) {
				if (!role.next()) {
					statement.execute("CREATE ROLE " + StackInfo.DB_USER + " LOGIN CREATEDB PASSWORD '"
							+ StackInfo.DB_PASSWORD + "'");
				}
			}
			for (String database : DATABASES) {
				createDatabase(statement, database);
			}
		}
	}

	/** Creates a database owned by the services' user unless it exists. */
	public void createDatabase(String database) {
		try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
			createDatabase(statement, database);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database " + database, ex);
		}
	}

	private static void createDatabase(Statement statement, String database) throws SQLException {
		if (!database.matches("[a-z][a-z0-9_]*")) {
			throw new IllegalArgumentException("Not a plain database name: " + database);
		}
		try (ResultSet existing = statement
			.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
			if (existing.next()) {
				return;
			}
		}
		statement.execute("CREATE DATABASE " + database + " OWNER " + StackInfo.DB_USER);
	}

	private Connection connect(String database) throws SQLException {
		return DriverManager.getConnection(this.stack.info().jdbcUrl(database), "postgres",
				this.stack.info().postgresSuperuserPassword());
	}

	@Override
	protected Duration startTimeout() {
		return Duration.ofSeconds(60);
	}

	@Override
	protected String stopSignal() {
		return "INT";
	}

	@Override
	protected boolean signalsWholeTree() {
		return false;
	}

	private static String system() {
		if (OS.contains("linux")) {
			return "Linux";
		}
		if (OS.contains("mac") || OS.contains("darwin")) {
			return "Darwin";
		}
		throw new UnsupportedOperationException("devstack runs on Linux and macOS, not on " + OS);
	}

	private static String architecture() {
		String arch = System.getProperty("os.arch");
		return "amd64".equals(arch) ? "x86_64" : arch;
	}

}
