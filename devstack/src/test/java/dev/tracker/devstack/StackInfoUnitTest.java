package dev.tracker.devstack;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class StackInfoUnitTest {

	@Test
	void devStackUsesTheWellKnownPorts() {
		StackInfo dev = StackInfo.dev(5432);

		assertThat(dev.portalUrl()).isEqualTo("http://localhost:8080");
		assertThat(dev.serviceUrl("notification-service")).isEqualTo("http://localhost:8084");
		assertThat(dev.issuerUri()).isEqualTo("http://localhost:8180/realms/tracker");
		assertThat(dev.kafkaBootstrapServers()).isEqualTo("127.0.0.1:9092");
		assertThat(dev.s3Endpoint()).isEqualTo("http://127.0.0.1:9000");
		assertThat(dev.jdbcUrl("issues")).isEqualTo("jdbc:postgresql://127.0.0.1:5432/issues");
	}

	@Test
	void aWrittenDescriptionReadsBackTheSame(@TempDir Path dir) {
		StackInfo test = StackInfo.test("test");
		test.write(dir.resolve("stack.properties"));

		assertThat(StackInfo.read(dir.resolve("stack.properties"))).isEqualTo(test);
	}

	@Test
	void serviceEnvironmentPointsEachServiceAtItsOwnDatabaseAndTheSharedServers() {
		StackInfo dev = StackInfo.dev(15432);

		assertThat(ServiceServer.environment(dev, "issue-service"))
			.containsEntry("DB_URL", "jdbc:postgresql://127.0.0.1:15432/issues")
			.containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
			.containsEntry("TRACKER_ISSUER_URI", "http://localhost:8180/realms/tracker");
		assertThat(ServiceServer.environment(dev, "gateway")).doesNotContainKey("DB_URL")
			.containsEntry("ISSUE_SERVICE_URL", "http://localhost:8081")
			.containsEntry("TRACKER_PUBLIC_KEYCLOAK_URL", "http://localhost:8180");
	}

	@Test
	void kafkaClusterIdsAreUrlSafeBase64OfSixteenBytesNeverStartingWithADash() {
		for (int i = 0; i < 200; i++) {
			String id = KafkaServer.clusterId();
			assertThat(id).hasSize(22).matches("[A-Za-z0-9_][A-Za-z0-9_-]{21}");
		}
	}

}
