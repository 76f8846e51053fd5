package dev.tracker.devstack;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A single-node KRaft Kafka broker (broker and controller in one JVM) from the
 * {@code kafka_2.13} artifacts. Its storage is formatted on first start.
 */
public final class KafkaServer extends Server {

	private static final String MAIN = "kafka.Kafka";

	private static final String STORAGE_TOOL = "kafka.tools.StorageTool";

	KafkaServer(Stack stack) {
		super("kafka", stack);
	}

	@Override
	public List<Port> ports() {
		return List.of(new Port(this.stack.info().kafkaPort(), "broker"),
				new Port(this.stack.info().kafkaControllerPort(), "KRaft controller"));
	}

	private Path config() {
		return home().resolve("server.properties");
	}

	private Path logDir() {
		return home().resolve("data");
	}

	@Override
	protected void prepare(Console console) throws IOException {
		Files.createDirectories(home());
		int broker = this.stack.info().kafkaPort();
		int controller = this.stack.info().kafkaControllerPort();
		Files.writeString(config(),
				String.join("\n", "# Written by devstack on every start.", "process.roles=broker,controller",
						"node.id=1", "controller.quorum.voters=1@127.0.0.1:" + controller,
						"listeners=PLAINTEXT://127.0.0.1:" + broker + ",CONTROLLER://127.0.0.1:" + controller,
						"advertised.listeners=PLAINTEXT://127.0.0.1:" + broker, "controller.listener.names=CONTROLLER",
						"inter.broker.listener.name=PLAINTEXT",
						"listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
						"log.dirs=" + logDir(), "num.partitions=3", "auto.create.topics.enable=true",
						"offsets.topic.replication.factor=1", "offsets.topic.num.partitions=5",
						"transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
						"share.coordinator.state.topic.replication.factor=1", "share.coordinator.state.topic.min.isr=1",
						"group.initial.rebalance.delay.ms=0", "log.retention.hours=168", "") + "\n");
		if (!Files.isRegularFile(logDir().resolve("meta.properties"))) {
			console.step("Formatting Kafka storage in " + this.stack.layout().root().relativize(logDir()));
			format();
		}
	}

	private void format() throws IOException {
		List<String> command = java(STORAGE_TOOL, "format", "-t", clusterId(), "-c", config().toString());
		Path log = home().resolve("format.log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		try {
			if (process.waitFor() != 0) {
				throw new IllegalStateException(
						"Formatting Kafka storage failed: " + Files.readString(log, StandardCharsets.UTF_8));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while formatting Kafka storage", ex);
		}
	}

	/**
	 * A random cluster id as Kafka writes them: URL-safe base64 of 16 bytes, never
	 * starting with '-'.
	 */
	static String clusterId() {
		while (true) {
			UUID uuid = UUID.randomUUID();
			ByteBuffer bytes = ByteBuffer.allocate(16);
			bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
			String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
			if (!id.startsWith("-")) {
				return id;
			}
		}
	}

	@Override
	protected List<String> command() {
		return java(MAIN, config().toString());
	}

	private List<String> java(String mainClass, String... arguments) {
		List<String> command = new java.util.ArrayList<>(List.of(this.stack.javaExecutable(), "-Xms128m", "-Xmx320m",
				"-XX:+UseSerialGC", "-Dorg.slf4j.simpleLogger.showDateTime=true",
				"-Dorg.slf4j.simpleLogger.log.org.apache.kafka.clients=warn", "-cp",
				this.stack.artifacts().kafkaClasspath(), mainClass));
		command.addAll(List.of(arguments));
		return command;
	}

	/**
	 * Sends an ApiVersions request, which the broker only answers once it serves clients.
	 */
	@Override
	public boolean isHealthy() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.stack.info().kafkaPort()),
					1000);
			socket.setSoTimeout(2000);
			byte[] clientId = "devstack".getBytes(StandardCharsets.UTF_8);
			DataOutputStream out = new DataOutputStream(socket.getOutputStream());
			out.writeInt(2 + 2 + 4 + 2 + clientId.length);
			out.writeShort(18); // ApiVersions
			out.writeShort(0); // version 0
			out.writeInt(42); // correlation id
			out.writeShort(clientId.length);
			out.write(clientId);
			out.flush();
			DataInputStream in = new DataInputStream(socket.getInputStream());
			int size = in.readInt();
			int correlationId = in.readInt();
			short errorCode = in.readShort();
			return size > 6 && correlationId == 42 && errorCode == 0;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
