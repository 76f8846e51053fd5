package dev.tracker.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * A service stand-in for gateway tests: an in-process HTTP server on a free port of
 * 127.0.0.1 that records every request it gets and answers as told (by default
 * {@code 200} with a small JSON body naming itself and the path).
 */
public final class Downstream implements AutoCloseable {

	private final String name;

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final List<Recorded> requests = new CopyOnWriteArrayList<>();

	private volatile HttpHandler behaviour;

	private Downstream(String name) {
		this.name = name;
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.behaviour = ok();
		this.server.start();
	}

	/** Starts a stand-in that calls itself {@code name} in its answers. */
	public static Downstream start(String name) {
		return new Downstream(name);
	}

	/** Its base URL. */
	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** The requests it got since the last {@link #reset()}. */
	public List<Recorded> requests() {
		return List.copyOf(this.requests);
	}

	/** Forgets the requests and goes back to answering {@code 200}. */
	public void reset() {
		this.requests.clear();
		this.behaviour = ok();
	}

	/** Answers every request with this status and JSON body. */
	public void answer(int status, String json) {
		this.behaviour = (exchange) -> send(exchange, status, "application/json", json);
	}

	/** Answers every request only after this long (then {@code 200}). */
	public void answerAfter(Duration delay) {
		HttpHandler ok = ok();
		this.behaviour = (exchange) -> {
			sleep(delay);
			ok.handle(exchange);
		};
	}

	/** Answers with a handler of the test's own. */
	public void answerWith(HttpHandler handler) {
		this.behaviour = handler;
	}

	private HttpHandler ok() {
		return (exchange) -> send(exchange, 200, "application/json",
				"{\"service\": \"" + this.name + "\", \"path\": \"" + exchange.getRequestURI().getPath() + "\"}");
	}

	private void handle(HttpExchange exchange) throws IOException {
		long size;
		try (InputStream body = exchange.getRequestBody()) {
			size = body.transferTo(OutputStream.nullOutputStream());
		}
		catch (IOException ex) {
			size = -1;
		}
		Headers headers = new Headers();
		headers.putAll(exchange.getRequestHeaders());
		this.requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
				exchange.getRequestURI().getRawQuery(), headers, size));
		try {
			this.behaviour.handle(exchange);
		}
		finally {
			exchange.close();
		}
	}

	/** Sends a whole answer. */
	public static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, (bytes.length == 0) ? -1 : bytes.length);
		if (bytes.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	/**
	 * A request the stand-in got.
	 *
	 * @param method the method
	 * @param path the raw path
	 * @param query the raw query, or null
	 * @param headers its headers
	 * @param bodySize how many body bytes arrived (-1 if reading the body failed)
	 */
	public record Recorded(String method, String path, String query, Headers headers, long bodySize) {

		/** The first value of a header, or null. */
		public String header(String name) {
			return this.headers.getFirst(name);
		}

	}

}
