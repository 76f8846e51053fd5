package dev.tracker.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Keycloak from the {@code keycloak-quarkus-dist} zip, unpacked once into the cache and
 * run in dev mode with the dev realm of {@code auth/dev/} imported on first start. Each
 * stack keeps its own database (dev-file H2) in its home.
 */
public final class KeycloakServer extends Server {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private FileLock warmUpLock;

	KeycloakServer(Stack stack) {
		super("keycloak", stack);
	}

	@Override
	public List<Port> ports() {
		return List.of(new Port(this.stack.info().keycloakPort(), "HTTP"),
				new Port(this.stack.info().keycloakManagementPort(), "management"));
	}

	private Path distribution() {
		return this.stack.layout().cache().resolve("keycloak-" + this.stack.artifacts().keycloakVersion());
	}

	@Override
	protected void prepare(Console console) throws IOException {
		Path distribution = distribution();
		if (!Files.isRegularFile(distribution.resolve("bin/kc.sh"))) {
			console.step("Unpacking Keycloak " + this.stack.artifacts().keycloakVersion());
			FileTrees.unzipStrippingTopFolder(this.stack.artifacts().keycloakZip(), distribution);
		}
		Path imports = distribution.resolve("data/import");
		Files.createDirectories(imports);
		// The dev realm (auth/dev/): the production realm plus the tracker-cli client and
		// the demo users.
		try (Stream<Path> realms = Files.list(this.stack.layout().realmImports().resolve("dev"))) {
			for (Path realm : (Iterable<Path>) realms
				.filter((file) -> file.toString().endsWith("-realm.json"))::iterator) {
				Files.copy(realm, imports.resolve(realm.getFileName()), StandardCopyOption.REPLACE_EXISTING);
			}
		}
		Files.createDirectories(home().resolve("h2"));
		Files.createDirectories(home().resolve("tmp"));
		awaitOrTakeWarmUp(distribution);
	}

	/**
	 * Waits while another stack's Keycloak builds the distribution on its first start; if
	 * no start finished yet, this one builds it and holds the lock until it is healthy.
	 */
	private void awaitOrTakeWarmUp(Path distribution) throws IOException {
		FileChannel channel = FileChannel.open(distribution.resolveSibling(distribution.getFileName() + ".lock"),
				StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		FileLock lock = channel.lock();
		if (Files.exists(warmMarker(distribution))) {
			lock.release();
			channel.close();
		}
		else {
			this.warmUpLock = lock;
		}
	}

	private static Path warmMarker(Path distribution) {
		return distribution.resolve(".built-by-devstack");
	}

	@Override
	protected void afterStart() throws IOException {
		if (this.warmUpLock != null) {
			Files.writeString(warmMarker(distribution()), "first start finished\n");
			this.warmUpLock.release();
			this.warmUpLock.channel().close();
			this.warmUpLock = null;
		}
	}

	@Override
	protected List<String> command() {
		StackInfo info = this.stack.info();
		return List.of(distribution().resolve("bin/kc.sh").toString(), "start-dev", "--http-host=127.0.0.1",
				"--http-port=" + info.keycloakPort(), "--http-management-port=" + info.keycloakManagementPort(),
				"--hostname=" + info.keycloakUrl(), "--health-enabled=true", "--db=dev-file",
				"--db-url=jdbc:h2:file:" + home().resolve("h2/keycloakdb") + ";NON_KEYWORDS=VALUE", "--import-realm");
	}

	@Override
	protected Map<String, String> environment() {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("JAVA_HOME", Path.of(System.getProperty("java.home")).toString());
		environment.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
		environment.put("JAVA_OPTS_APPEND", "-Djava.io.tmpdir=" + home().resolve("tmp")
				+ " -Dquarkus.transaction-manager.object-store.directory=" + home().resolve("transaction-logs"));
		environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", StackInfo.KEYCLOAK_ADMIN);
		environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", StackInfo.KEYCLOAK_ADMIN_PASSWORD);
		environment.put("TRACKER_PORTAL_URL", this.stack.info().portalUrl());
		String google = System.getenv("GOOGLE_CLIENT_ID");
		environment.put("GOOGLE_IDP_ENABLED", Boolean.toString(google != null && !google.isBlank()));
		return environment;
	}

	@Override
	public boolean isHealthy() {
		try {
			HttpResponse<String> response = HTTP.send(HttpRequest
				.newBuilder(
						URI.create("http://127.0.0.1:" + this.stack.info().keycloakManagementPort() + "/health/ready"))
				.timeout(Duration.ofSeconds(2))
				.build(), HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 && response.body().contains("UP");
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Override
	protected Duration startTimeout() {
		return Duration.ofSeconds(180);
	}

}
