package dev.tracker.devstack;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.DriverManager;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real PostgreSQL, Kafka and S3 servers of a throw-away stack, started and stopped. */
class StackIntegrationTest {

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	private final Console console = new Console(new PrintStream(this.output, true));

	private Stack stack;

	@AfterEach
	void stopEverything() {
		if (this.stack != null) {
			this.stack.down(this.console);
		}
	}

	@Test
	void serversComeUpHealthyWithTheServicesDatabasesAndStopWithoutLeavingAProcess() throws Exception {
		this.stack = Stack.throwAway(ProjectLayout.find(), "test-devstack-" + ProcessHandle.current().pid());
		List<Server> servers = List.of(this.stack.postgres(), this.stack.kafka(),
				this.stack.server("s3").orElseThrow());

		this.stack.start(servers, this.console);

		assertThat(servers).allMatch(Server::isHealthy);
		assertThat(this.output.toString()).contains("postgres is up", "kafka is up", "s3 is up");
		try (var connection = DriverManager.getConnection(this.stack.info().jdbcUrl("issues"), StackInfo.DB_USER,
				StackInfo.DB_PASSWORD)) {
			assertThat(connection.isValid(2)).isTrue();
		}
		List<ProcessHandle> processes = servers.stream().map((server) -> server.process().orElseThrow()).toList();

		this.stack.down(this.console);

		assertThat(processes).noneMatch(ProcessHandle::isAlive);
		assertThat(servers).allMatch((server) -> server.process().isEmpty());
	}

	@Test
	void aTakenPortFailsTheStartWithTheHolderNamedAndStopsWhatAlreadyStarted() throws Exception {
		this.stack = Stack.throwAway(ProjectLayout.find(), "test-devstack-taken-" + ProcessHandle.current().pid());
		int kafkaPort = this.stack.info().kafkaPort();
		try (ServerSocket squatter = new ServerSocket(kafkaPort, 1, InetAddress.getLoopbackAddress())) {
			List<Server> servers = List.of(this.stack.postgres(), this.stack.kafka());

			assertThatThrownBy(() -> this.stack.start(servers, this.console)).hasMessageContaining(
					"Port " + kafkaPort + " (kafka broker) is taken by pid " + ProcessHandle.current().pid());
			assertThat(servers).allMatch((server) -> server.process().isEmpty());
		}
	}

}
