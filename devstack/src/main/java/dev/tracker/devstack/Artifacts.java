package dev.tracker.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The server distributions devstack runs, as the build located them in the local Maven
 * repository.
 *
 * @param kafkaVersion the Kafka broker version
 * @param kafkaClasspath the broker's classpath
 * @param s3proxyJar the S3Proxy jar with its dependencies
 * @param keycloakVersion the Keycloak version
 * @param keycloakZip the Keycloak Quarkus distribution
 * @param postgresVersion the PostgreSQL version of the embedded binaries
 */
public record Artifacts(String kafkaVersion, String kafkaClasspath, Path s3proxyJar, String keycloakVersion,
		Path keycloakZip, String postgresVersion) {

	private static final String RESOURCE = "/dev/tracker/devstack/artifacts.properties";

	/** The artifacts of this build of devstack. */
	public static Artifacts load() {
		Properties properties = new Properties();
		try (InputStream in = Artifacts.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(
						RESOURCE + " is missing: build devstack with ./mvnw -pl devstack package");
			}
			properties.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Artifacts artifacts = new Artifacts(properties.getProperty("kafka.version"),
				properties.getProperty("kafka.classpath"), Path.of(properties.getProperty("s3proxy.jar")),
				properties.getProperty("keycloak.version"), Path.of(properties.getProperty("keycloak.zip")),
				properties.getProperty("postgres.version"));
		artifacts.requireFile(artifacts.s3proxyJar);
		artifacts.requireFile(artifacts.keycloakZip);
		return artifacts;
	}

	private void requireFile(Path file) {
		if (!Files.isRegularFile(file)) {
			throw new IllegalStateException(
					file + " is missing from the local Maven repository: run ./mvnw -pl devstack package again");
		}
	}

}
