package dev.tracker.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One of the five Spring Boot services, run from the jar its module's build made,
 * configured through the environment variables of docs/conventions.md.
 */
public final class ServiceServer extends Server {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private static final Map<String, String> DATABASES = Map.of("issue-service", "issues", "file-service", "files",
			"stats-service", "stats");

	ServiceServer(String module, Stack stack) {
		super(module, stack);
	}

	private int port() {
		return this.stack.info().servicePorts().get(name());
	}

	@Override
	public List<Port> ports() {
		return List.of(new Port(port(), "HTTP"));
	}

	private Path jar() {
		return this.stack.layout()
			.moduleJar(name())
			.orElseThrow(() -> new IllegalStateException(
					name() + " is not built: run ./mvnw -DskipTests package (./tracker up does this for you)"));
	}

	@Override
	protected List<String> command() {
		// A modest heap and the serial collector keep five JVMs within a laptop's memory.
		List<String> command = new ArrayList<>(
				List.of(this.stack.javaExecutable(), "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-Xss512k"));
		String extra = System.getenv("TRACKER_SERVICE_JAVA_OPTS");
		if (extra != null && !extra.isBlank()) {
			command.addAll(List.of(extra.trim().split("\\s+")));
		}
		command.addAll(List.of("-jar", jar().toString()));
		return command;
	}

	@Override
	protected Map<String, String> environment() {
		Map<String, String> environment = new LinkedHashMap<>(environment(this.stack.info(), name()));
		environment.put("SERVER_PORT", Integer.toString(port()));
		environment.putAll(this.stack.serviceEnvironment());
		return environment;
	}

	/**
	 * The environment variables (docs/conventions.md) that point a service at a stack's
	 * servers; the same for a service process and for a service's tests.
	 */
	public static Map<String, String> environment(StackInfo info, String module) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("TRACKER_ISSUER_URI", info.issuerUri());
		environment.put("KAFKA_BOOTSTRAP_SERVERS", info.kafkaBootstrapServers());
		String database = DATABASES.get(module);
		if (database != null) {
			environment.put("DB_URL", info.jdbcUrl(database));
			environment.put("DB_USERNAME", StackInfo.DB_USER);
			environment.put("DB_PASSWORD", StackInfo.DB_PASSWORD);
		}
		environment.put("S3_ENDPOINT", info.s3Endpoint());
		environment.put("S3_REGION", StackInfo.S3_REGION);
		environment.put("S3_BUCKET", StackInfo.S3_BUCKET);
		environment.put("S3_ACCESS_KEY", StackInfo.S3_ACCESS_KEY);
		environment.put("S3_SECRET_KEY", StackInfo.S3_SECRET_KEY);
		for (String service : StackInfo.SERVICES) {
			if (!"gateway".equals(service)) {
				environment.put(service.replace('-', '_').toUpperCase(Locale.ROOT) + "_URL", info.serviceUrl(service));
			}
		}
		environment.put("TRACKER_PUBLIC_KEYCLOAK_URL", info.keycloakUrl());
		return environment;
	}

	@Override
	public boolean isHealthy() {
		try {
			HttpResponse<Void> response = HTTP
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/actuator/health/readiness"))
					.timeout(Duration.ofSeconds(2))
					.build(), HttpResponse.BodyHandlers.discarding());
			return response.statusCode() == 200;
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
		return Duration.ofSeconds(150);
	}

}
