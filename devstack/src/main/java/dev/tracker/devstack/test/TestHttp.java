package dev.tracker.devstack.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A plain HTTP client for tests that talk to a running service or gateway the way any
 * client would: bearer token, JSON bodies, every status returned rather than thrown.
 */
public final class TestHttp {

	private final HttpClient client = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String baseUrl;

	public TestHttp(String baseUrl) {
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/** {@code GET} with a bearer token ({@code null} for none). */
	public HttpResponse<String> get(String path, String token) {
		return send(request(path, token).GET().build());
	}

	/** {@code POST} of a JSON body with a bearer token ({@code null} for none). */
	public HttpResponse<String> post(String path, String token, String json) {
		return send(request(path, token).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	/**
	 * A request builder for the path, with the bearer token set, for anything the
	 * shortcuts do not cover.
	 */
	public HttpRequest.Builder request(String path, String token) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder;
	}

	/** Sends a request, its body read as a string. */
	public HttpResponse<String> send(HttpRequest request) {
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	/** The client underneath, for streaming bodies. */
	public HttpClient client() {
		return this.client;
	}

}
