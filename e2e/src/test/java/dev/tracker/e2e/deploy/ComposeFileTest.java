package dev.tracker.e2e.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.tracker.e2e.deploy.DeployTestUtils.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Checks the structure of {@code docker-compose.yml} and lets Docker Compose validate it.
 */
class ComposeFileTest {

	private static final List<String> INFRASTRUCTURE = List.of("postgres", "kafka", "minio", "keycloak");

	/** What each Java service needs healthy before it starts. */
	private static final Map<String, List<String>> DEPENDENCIES = Map.of("issue-service",
			List.of("postgres", "kafka", "keycloak"), "file-service", List.of("postgres", "minio", "keycloak"),
			"stats-service", List.of("postgres", "kafka", "keycloak"), "notification-service",
			List.of("kafka", "keycloak"), "gateway",
			List.of("keycloak", "issue-service", "file-service", "stats-service", "notification-service"));

	private static final Map<String, String> DATABASES = Map.of("issue-service", "issues", "file-service", "files",
			"stats-service", "stats");

	private static Path root;

	private static JsonNode compose;

	private static JsonNode services;

	@BeforeAll
	static void readComposeFile() {
		root = DeployTestUtils.projectRoot();
		compose = DeployTestUtils.readYaml(root.resolve("docker-compose.yml"));
		services = compose.path("services");
	}

	@Test
	void declaresTheInfrastructureAndTheFiveServices() {
		List<String> expected = new ArrayList<>(INFRASTRUCTURE);
		expected.addAll(SERVICES.keySet());
		assertThat(services.propertyNames()).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void usesAComposeFormatThatDockerCompose129Accepts() {
		assertThat(compose.has("name")).as("top-level name: is unknown to docker-compose 1.29").isFalse();
		assertThat(compose.has("version")).as("version: is obsolete in the Compose Specification").isFalse();
	}

	@Test
	void everyServiceHasAHealthCheck() {
		for (String name : services.propertyNames()) {
			JsonNode healthcheck = services.path(name).path("healthcheck");
			assertThat(healthcheck.path("test").isArray()).as("%s healthcheck test", name).isTrue();
			assertThat(healthcheck.path("test").size()).as("%s healthcheck test", name).isGreaterThan(1);
			assertThat(healthcheck.path("disable").asBoolean(false)).as("%s healthcheck disabled", name).isFalse();
		}
	}

	@Test
	void everyServiceRestartsUnlessStoppedAndHasAMemoryLimit() {
		for (String name : services.propertyNames()) {
			assertThat(services.path(name).path("restart").asString()).as(name).isEqualTo("unless-stopped");
			assertThat(services.path(name).path("mem_limit").asString()).as(name).matches("\\d+[mg]");
		}
	}

	@Test
	void javaServicesWaitForHealthyDependencies() {
		DEPENDENCIES.forEach((name, needs) -> {
			JsonNode dependsOn = services.path(name).path("depends_on");
			assertThat(dependsOn.isObject()).as("%s depends_on is a map with conditions", name).isTrue();
			assertThat(dependsOn.propertyNames()).as(name).containsExactlyInAnyOrderElementsOf(needs);
		});
	}

	@Test
	void everyDependencyWaitsUntilHealthy() {
		for (String name : services.propertyNames()) {
			JsonNode dependsOn = services.path(name).path("depends_on");
			for (String dependency : dependsOn.propertyNames()) {
				assertThat(dependsOn.path(dependency).path("condition").asString()).as("%s -> %s", name, dependency)
					.isEqualTo("service_healthy");
			}
		}
	}

	@Test
	void javaServicesRunTheTrackerImages() {
		SERVICES.keySet()
			.forEach((name) -> assertThat(services.path(name).path("image").asString()).as(name)
				.isEqualTo("${TRACKER_REGISTRY:-ghcr.io/tracker}/" + name + ":${TRACKER_VERSION:-0.1.0-SNAPSHOT}"));
	}

	@Test
	void javaServicesCheckTheirReadinessWithoutCurl() {
		SERVICES.forEach((name, port) -> {
			List<String> test = strings(services.path(name).path("healthcheck").path("test"));
			assertThat(test.subList(0, 3)).as(name).containsExactly("CMD", "bash", "-c");
			assertThat(test.get(3)).as(name)
				.contains("/dev/tcp/127.0.0.1/" + port)
				.contains("GET /actuator/health/readiness HTTP/1.1")
				.contains("' 200 '")
				.doesNotContain("curl", "wget");
		});
	}

	@Test
	void javaServicesSizeTheHeapFromTheMemoryLimit() {
		SERVICES.forEach((name, port) -> {
			JsonNode environment = services.path(name).path("environment");
			assertThat(environment.path("JAVA_TOOL_OPTIONS").asString()).as(name).contains("-XX:MaxRAMPercentage=");
			assertThat(environment.path("SERVER_PORT").asInt()).as(name).isEqualTo(port);
		});
	}

	@Test
	void javaServicesReachTheInfrastructureByServiceName() {
		SERVICES.keySet().forEach((name) -> {
			JsonNode environment = services.path(name).path("environment");
			assertThat(environment.path("TRACKER_ISSUER_URI").asString()).as(name)
				.isEqualTo("${TRACKER_PUBLIC_KEYCLOAK_URL:-http://localhost:8180}/realms/tracker");
			assertThat(environment.path("TRACKER_JWK_SET_URI").asString()).as(name)
				.isEqualTo("http://keycloak:8080/realms/tracker/protocol/openid-connect/certs");
			assertThat(environment.path("TRACKER_AUDIENCE").asString()).as(name).isEqualTo("tracker-api");
		});
		DATABASES
			.forEach((name, database) -> assertThat(services.path(name).path("environment").path("DB_URL").asString())
				.as(name)
				.isEqualTo("jdbc:postgresql://postgres:5432/" + database));
		for (String name : List.of("issue-service", "stats-service", "notification-service")) {
			assertThat(services.path(name).path("environment").path("KAFKA_BOOTSTRAP_SERVERS").asString()).as(name)
				.isEqualTo("kafka:9092");
		}
		assertThat(services.path("file-service").path("environment").path("S3_ENDPOINT").asString())
			.isEqualTo("http://minio:9000");
		JsonNode gateway = services.path("gateway").path("environment");
		SERVICES.forEach((name, port) -> {
			if (!name.equals("gateway")) {
				String variable = name.toUpperCase().replace('-', '_') + "_URL";
				assertThat(gateway.path(variable).asString()).as(variable).isEqualTo("http://" + name + ":" + port);
			}
		});
	}

	@Test
	void onlyTheGatewayAndKeycloakPublishPorts() {
		Set<String> publishing = new HashSet<>();
		for (String name : services.propertyNames()) {
			if (!services.path(name).path("ports").isEmpty()) {
				publishing.add(name);
			}
		}
		assertThat(publishing).containsExactlyInAnyOrder("gateway", "keycloak");
		assertThat(strings(services.path("gateway").path("ports"))).containsExactly("8080:8080");
		assertThat(strings(services.path("keycloak").path("ports"))).containsExactly("8180:8080");
	}

	@Test
	void keycloakImportsTheRealmFromTheAuthDirectory() {
		JsonNode keycloak = services.path("keycloak");
		assertThat(strings(keycloak.path("volumes"))).contains("./auth:/opt/keycloak/data/import:ro");
		assertThat(strings(keycloak.path("command"))).contains("--import-realm");
		JsonNode environment = keycloak.path("environment");
		assertThat(environment.path("KC_DB").asString()).isEqualTo("postgres");
		assertThat(environment.path("KC_DB_URL").asString()).isEqualTo("jdbc:postgresql://postgres:5432/keycloak");
		assertThat(environment.path("KC_HEALTH_ENABLED").asString()).isEqualTo("true");
		assertThat(environment.path("KC_HOSTNAME").asString()).contains("localhost:8180");
		assertThat(environment.propertyNames()).contains("GOOGLE_CLIENT_ID", "GOOGLE_CLIENT_SECRET",
				"GOOGLE_IDP_ENABLED");
		assertThat(environment.path("GOOGLE_IDP_ENABLED").asString()).isEqualTo("${GOOGLE_IDP_ENABLED:-false}");
	}

	@Test
	void postgresCreatesEveryDatabaseOnFirstStart() {
		String script = DeployTestUtils.read(root.resolve("deploy/compose/postgres-init.sql"));
		assertThat(strings(services.path("postgres").path("volumes")))
			.contains("./deploy/compose/postgres-init.sql:/docker-entrypoint-initdb.d/10-tracker.sql:ro");
		assertThat(script).contains("CREATE ROLE tracker LOGIN");
		for (String database : List.of("issues", "files", "stats", "keycloak")) {
			assertThat(script).contains("CREATE DATABASE " + database + " OWNER tracker;");
		}
	}

	@Test
	void everyBindMountPointsIntoTheRepository() {
		for (String name : services.propertyNames()) {
			for (String volume : strings(services.path(name).path("volumes"))) {
				if (volume.startsWith("./")) {
					Path source = root.resolve(volume.substring(2, volume.indexOf(':')));
					assertThat(source).as("%s mounts %s", name, volume).exists();
				}
			}
		}
	}

	@Test
	void dataLivesInNamedVolumes() {
		Map<String, String> mounts = Map.of("postgres", "postgres-data:/var/lib/postgresql/data", "kafka",
				"kafka-data:/var/lib/kafka/data", "minio", "minio-data:/data");
		mounts.forEach((name, mount) -> {
			assertThat(strings(services.path(name).path("volumes"))).as(name).contains(mount);
			assertThat(compose.path("volumes").has(mount.substring(0, mount.indexOf(':')))).as(mount).isTrue();
		});
	}

	@Test
	void dockerComposeAcceptsTheFile() {
		List<String> command;
		if (DeployTestUtils.onPath("docker")
				&& DeployTestUtils.run(root, List.of("docker", "compose", "version")).exitCode() == 0) {
			command = List.of("docker", "compose", "-f", "docker-compose.yml", "config", "-q");
		}
		else if (DeployTestUtils.onPath("docker-compose")) {
			command = List.of("docker-compose", "-f", "docker-compose.yml", "config", "-q");
		}
		else {
			fail("Neither 'docker compose' nor 'docker-compose' is installed, so docker-compose.yml cannot be "
					+ "validated. Install it: apt-get install -y docker-compose");
			return;
		}
		assertThat(Files.isRegularFile(root.resolve("docker-compose.yml"))).isTrue();
		DeployTestUtils.CommandResult result = DeployTestUtils.run(root, command);
		assertThat(result.exitCode()).as("%s said:%n%s", String.join(" ", command), result.output()).isZero();
	}

	private static List<String> strings(JsonNode node) {
		List<String> values = new ArrayList<>();
		node.forEach((value) -> values.add(value.asString()));
		return values;
	}

}
