package dev.tracker.gateway.server;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

import dev.tracker.gateway.GatewayTestUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.tracker.gateway.GatewayTestUtils.ISSUES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's HTTP/1.1 server keeps reading a kept-alive connection, whatever the
 * timing of the requests on it. Reactor Netty reads on demand: after each exchange it
 * must ask for the next read, and up to 1.3.7 it forgot to when a request that had
 * arrived before the previous exchange was over (queued) was answered at once: the next
 * request on the connection then stayed unread in the socket until the client gave up and
 * closed it (reactor/reactor-netty#4361). Any client that sends its next request right
 * after reading a response (browsers, proxies, the JDK's HttpClient of the tests) could
 * hit that. On a plain socket: two pipelined requests hit it every time; requests sent
 * back to back hit it within a few dozen.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KeepAliveIntegrationTest {

	/** Far longer than any answer here takes; a lost read never ends on its own. */
	static final Duration PATIENCE = Duration.ofSeconds(5);

	@LocalServerPort
	int port;

	Socket socket;

	InputStream in;

	OutputStream out;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		// no token is checked here: the realm need not be reachable
		registry.add("TRACKER_ISSUER_URI", () -> GatewayTestUtils.deadUrl() + "/realms/tracker");
		GatewayTestUtils.registerDownstreams(registry);
	}

	@BeforeEach
	void connect() throws IOException {
		GatewayTestUtils.resetDownstreams();
		this.socket = new Socket("127.0.0.1", this.port);
		this.socket.setSoTimeout((int) PATIENCE.toMillis());
		this.in = new BufferedInputStream(this.socket.getInputStream());
		this.out = this.socket.getOutputStream();
	}

	@AfterEach
	void close() throws IOException {
		this.socket.close();
	}

	@Test
	void aRequestQueuedBehindASlowOneAndAnsweredAtOnceLeavesTheConnectionReadingOn() throws IOException {
		// the first is forwarded to a slow service, the second (the gateway's own) is
		// queued behind it and answered at once when its turn comes
		ISSUES.answerAfter(Duration.ofMillis(300));
		send(get("/api/docs/issue-service") + get("/config.json"));
		assertThat(readResponse()).startsWith("HTTP/1.1 200");
		assertThat(readResponse()).startsWith("HTTP/1.1 200").contains("\"clientId\"");

		send(get("/config.json"));
		assertThat(readResponse()).startsWith("HTTP/1.1 200").contains("\"clientId\"");
		send(get("/actuator/health/readiness"));
		assertThat(readResponse()).startsWith("HTTP/1.1 200");
	}

	@Test
	void requestsSentAsSoonAsTheLastAnswerArrivedAreAllAnswered() throws IOException {
		String[] paths = { "/config.json", "/actuator/health/readiness", "/api/issues" };
		for (int i = 0; i < 300; i++) {
			send(get(paths[i % paths.length]));
			assertThat(readResponse()).as("answer %d", i).startsWith("HTTP/1.1 ");
		}
	}

	private static String get(String path) {
		return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n\r\n";
	}

	private void send(String requests) throws IOException {
		this.out.write(requests.getBytes(StandardCharsets.US_ASCII));
		this.out.flush();
	}

	/**
	 * Reads one response (head and body, by {@code Content-Length} or chunked), failing
	 * if none comes within {@link #PATIENCE}.
	 */
	private String readResponse() throws IOException {
		try {
			String head = readHead();
			String lower = head.toLowerCase(Locale.ROOT);
			String body;
			if (lower.contains("\r\ntransfer-encoding: chunked")) {
				body = readChunked();
			}
			else {
				int at = lower.indexOf("\r\ncontent-length:");
				int length = (at < 0) ? 0
						: Integer.parseInt(lower.substring(at + 17, lower.indexOf("\r\n", at + 2)).trim());
				body = new String(this.in.readNBytes(length), StandardCharsets.UTF_8);
			}
			return head + body;
		}
		catch (SocketTimeoutException ex) {
			throw new AssertionError("No answer within " + PATIENCE + " on a kept-alive connection", ex);
		}
	}

	private String readHead() throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
			int b = this.in.read();
			if (b < 0) {
				throw new AssertionError("Connection closed by the gateway after: " + head);
			}
			head.write(b);
		}
		return head.toString(StandardCharsets.ISO_8859_1);
	}

	private String readChunked() throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		while (true) {
			int size = Integer.parseInt(readLine().split(";")[0].trim(), 16);
			if (size == 0) {
				while (!readLine().isEmpty()) {
					// trailers
				}
				return body.toString(StandardCharsets.UTF_8);
			}
			body.write(this.in.readNBytes(size));
			readLine();
		}
	}

	private String readLine() throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = this.in.read()) != '\n') {
			if (b < 0) {
				throw new AssertionError("Connection closed by the gateway");
			}
			if (b != '\r') {
				line.write(b);
			}
		}
		return line.toString(StandardCharsets.ISO_8859_1);
	}

}
