package dev.tracker.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Where the servers of one stack listen and how to log in to them: written to
 * {@code stack.properties} in the stack's home when the stack is up, read by the
 * services' environment, the tests and {@code ./tracker status}.
 *
 * @param name the stack's name ({@code dev} or {@code test})
 * @param postgresPort PostgreSQL's port on 127.0.0.1
 * @param postgresSuperuserPassword the password of the {@code postgres} superuser
 * @param kafkaPort the Kafka broker's port
 * @param kafkaControllerPort the KRaft controller's port
 * @param s3Port the S3 server's port
 * @param keycloakPort Keycloak's HTTP port
 * @param keycloakManagementPort Keycloak's management (health) port
 * @param servicePorts the port of each service, by module name
 */
public record StackInfo(String name, int postgresPort, String postgresSuperuserPassword, int kafkaPort,
		int kafkaControllerPort, int s3Port, int keycloakPort, int keycloakManagementPort,
		Map<String, Integer> servicePorts) {

	/** The services, in the order they are started; the gateway last. */
	public static final String[] SERVICES = { "issue-service", "file-service", "stats-service", "notification-service",
			"gateway" };

	/** The user the services log in to PostgreSQL as. */
	public static final String DB_USER = "tracker";

	/** The password of {@link #DB_USER}. */
	public static final String DB_PASSWORD = "tracker";

	/** The S3 access key. */
	public static final String S3_ACCESS_KEY = "tracker";

	/** The S3 secret key. */
	public static final String S3_SECRET_KEY = "tracker-secret";

	/** The S3 bucket the file service keeps files in. */
	public static final String S3_BUCKET = "tracker-files";

	/** The S3 region. */
	public static final String S3_REGION = "us-east-1";

	/** The Keycloak realm. */
	public static final String REALM = "tracker";

	/** Keycloak's bootstrap administrator (master realm), dev only. */
	public static final String KEYCLOAK_ADMIN = "admin";

	/** The bootstrap administrator's password, dev only. */
	public static final String KEYCLOAK_ADMIN_PASSWORD = "admin";

	public StackInfo {
		servicePorts = Map.copyOf(servicePorts);
	}

	/**
	 * The stack {@code ./tracker up} runs: the well-known ports of docs/conventions.md.
	 */
	public static StackInfo dev(int postgresPort) {
		Map<String, Integer> services = new LinkedHashMap<>();
		for (int i = 0; i < SERVICES.length; i++) {
			services.put(SERVICES[i], "gateway".equals(SERVICES[i]) ? 8080 : 8081 + i);
		}
		return new StackInfo("dev", postgresPort, "postgres", 9092, 9093, 9000, 8180, 8190, services);
	}

	/** A throw-away stack on free ports, for tests. */
	public static StackInfo test(String name) {
		Map<String, Integer> services = new LinkedHashMap<>();
		for (String service : SERVICES) {
			services.put(service, Ports.findFree());
		}
		return new StackInfo(name, Ports.findFree(), "postgres", Ports.findFree(), Ports.findFree(), Ports.findFree(),
				Ports.findFree(), Ports.findFree(), services);
	}

	/** The JDBC URL of a database on this stack's PostgreSQL. */
	public String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + this.postgresPort + "/" + database;
	}

	/** Kafka's bootstrap servers. */
	public String kafkaBootstrapServers() {
		return "127.0.0.1:" + this.kafkaPort;
	}

	/** The S3 endpoint. */
	public String s3Endpoint() {
		return "http://127.0.0.1:" + this.s3Port;
	}

	/** Keycloak's base URL, as browsers and token issuers see it. */
	public String keycloakUrl() {
		return "http://localhost:" + this.keycloakPort;
	}

	/** The issuer of the realm's tokens. */
	public String issuerUri() {
		return keycloakUrl() + "/realms/" + REALM;
	}

	/** The base URL of a service. */
	public String serviceUrl(String service) {
		Integer port = this.servicePorts.get(service);
		if (port == null) {
			throw new IllegalArgumentException("No such service: " + service);
		}
		return "http://localhost:" + port;
	}

	/** The portal's URL: the gateway's. */
	public String portalUrl() {
		return serviceUrl("gateway");
	}

	/** Writes this description to a properties file. */
	public void write(Path file) {
		Properties properties = new Properties();
		properties.setProperty("name", this.name);
		properties.setProperty("postgres.port", Integer.toString(this.postgresPort));
		properties.setProperty("postgres.superuser-password", this.postgresSuperuserPassword);
		properties.setProperty("kafka.port", Integer.toString(this.kafkaPort));
		properties.setProperty("kafka.controller-port", Integer.toString(this.kafkaControllerPort));
		properties.setProperty("s3.port", Integer.toString(this.s3Port));
		properties.setProperty("keycloak.port", Integer.toString(this.keycloakPort));
		properties.setProperty("keycloak.management-port", Integer.toString(this.keycloakManagementPort));
		this.servicePorts
			.forEach((service, port) -> properties.setProperty("service." + service + ".port", Integer.toString(port)));
		try {
			Files.createDirectories(file.getParent());
			try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
				properties.store(out, "devstack '" + this.name + "': where its servers listen");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Reads a description written by {@link #write(Path)}. */
	public static StackInfo read(Path file) {
		Properties properties = new Properties();
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Map<String, Integer> services = new LinkedHashMap<>();
		for (String service : SERVICES) {
			services.put(service, Integer.parseInt(properties.getProperty("service." + service + ".port")));
		}
		return new StackInfo(properties.getProperty("name"), intOf(properties, "postgres.port"),
				properties.getProperty("postgres.superuser-password"), intOf(properties, "kafka.port"),
				intOf(properties, "kafka.controller-port"), intOf(properties, "s3.port"),
				intOf(properties, "keycloak.port"), intOf(properties, "keycloak.management-port"), services);
	}

	private static int intOf(Properties properties, String key) {
		return Integer.parseInt(properties.getProperty(key));
	}

}
