package dev.tracker.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * An S3-compatible server: S3Proxy with its filesystem backend, each bucket a folder
 * under the server's data folder. Clients authenticate with AWS signature v2 or v4.
 */
public final class S3Server extends Server {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	S3Server(Stack stack) {
		super("s3", stack);
	}

	@Override
	public List<Port> ports() {
		return List.of(new Port(this.stack.info().s3Port(), "S3 API"));
	}

	private Path config() {
		return home().resolve("s3proxy.properties");
	}

	@Override
	protected void prepare(Console console) throws IOException {
		Path data = home().resolve("data");
		Files.createDirectories(data.resolve(StackInfo.S3_BUCKET));
		Files.writeString(config(), String.join("\n", "# Written by devstack on every start.",
				"s3proxy.endpoint=http://127.0.0.1:" + this.stack.info().s3Port(), "s3proxy.authorization=aws-v2-or-v4",
				"s3proxy.identity=" + StackInfo.S3_ACCESS_KEY, "s3proxy.credential=" + StackInfo.S3_SECRET_KEY,
				"jclouds.provider=filesystem-nio2", "jclouds.filesystem.basedir=" + data, "") + "\n");
	}

	@Override
	protected List<String> command() {
		return List.of(this.stack.javaExecutable(), "-Xms32m", "-Xmx192m", "-XX:+UseSerialGC", "-jar",
				this.stack.artifacts().s3proxyJar().toString(), "--properties", config().toString());
	}

	/**
	 * Any S3 answer (an anonymous request is refused with an S3 error document) means it
	 * serves requests.
	 */
	@Override
	public boolean isHealthy() {
		try {
			HttpResponse<String> response = HTTP
				.send(HttpRequest.newBuilder(URI.create(this.stack.info().s3Endpoint() + "/"))
					.timeout(Duration.ofSeconds(2))
					.build(), HttpResponse.BodyHandlers.ofString());
			return response.body().contains("<Error>") || response.body().contains("ListAllMyBucketsResult");
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
