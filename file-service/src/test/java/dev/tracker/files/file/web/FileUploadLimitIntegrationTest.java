package dev.tracker.files.file.web;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import dev.tracker.devstack.test.KeycloakTokens;
import dev.tracker.files.FileServiceIntegrationTest;
import dev.tracker.files.FileServiceTestUtils;
import dev.tracker.files.FileServiceTestUtils.GeneratedText;
import dev.tracker.files.FileServiceTestUtils.MultipartUpload;
import dev.tracker.files.FileServiceTestUtils.Stored;
import dev.tracker.files.FileServiceTestUtils.TestServers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.unit.DataSize;

import static dev.tracker.files.FileServiceTestUtils.upload;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upload limit, set to 64KB here: over it is {@code 413} and nothing is stored, and
 * an oversized body is cut off rather than read to its end.
 */
class FileUploadLimitIntegrationTest extends FileServiceIntegrationTest {

	private static final TestServers servers = FileServiceTestUtils.servers(Map.of("TRACKER_FILES_MAX_SIZE", "64KB"));

	private static final long LIMIT = DataSize.ofKilobytes(64).toBytes();

	/**
	 * Far below a gigabyte and far above what the server may read of a refused upload
	 * (the limit, what Tomcat swallows afterwards and the socket buffers).
	 */
	private static final long CUT_OFF = DataSize.ofMegabytes(64).toBytes();

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		servers.register(registry);
	}

	private static String reporter() {
		return stack.tokens().accessToken(KeycloakTokens.REPORTER);
	}

	private static MultipartUpload text(long size) {
		return MultipartUpload.of("notes.txt", "text/plain", () -> new GeneratedText(size), size);
	}

	@Test
	void fileOverTheLimitIsRefusedWithProblemAndNothingIsStored() {
		Stored before = stored();
		HttpResponse<String> response = upload(this.http, reporter(), text(3 * LIMIT));

		assertFileTooLarge(response);
		assertThat(stored()).isEqualTo(before);
	}

	@Test
	void fileOverTheLimitSentChunkedIsRefusedOnceTheLimitHasStreamedIn() {
		Stored before = stored();
		HttpResponse<String> response = upload(this.http, reporter(), text(LIMIT + 1).chunked());

		assertFileTooLarge(response);
		assertThat(stored()).isEqualTo(before);
	}

	@Test
	void fileOfExactlyTheLimitIsAccepted() {
		HttpResponse<String> response = upload(this.http, reporter(), text(LIMIT).forIssue(UUID.randomUUID()));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		assertThat(json.readTree(response.body()).get("size").asLong()).isEqualTo(LIMIT);
	}

	@Test
	void endlessChunkedUploadIsCutOffInsteadOfReadToTheEnd() {
		assertCutOff(text(DataSize.ofGigabytes(1).toBytes()).chunked());
	}

	@Test
	void uploadDeclaringAGigabyteIsRefusedBeforeItsBodyIsRead() {
		assertCutOff(text(DataSize.ofGigabytes(1).toBytes()));
	}

	/**
	 * Sends the upload, counting what the client got to send before the server answered
	 * or closed the connection.
	 */
	private void assertCutOff(MultipartUpload upload) {
		Stored before = stored();
		AtomicReference<GeneratedText> sent = new AtomicReference<>();
		MultipartUpload counted = new MultipartUpload(upload.fileName(), upload.contentType(), () -> {
			GeneratedText content = (GeneratedText) upload.content().get();
			sent.set(content);
			return content;
		}, upload.length(), null, upload.declareLength());

		Optional<HttpResponse<String>> response;
		try {
			response = Optional.of(this.http.client()
				.send(counted.request(this.http, reporter()), HttpResponse.BodyHandlers.ofString()));
		}
		catch (IOException ex) {
			// the server closed the connection while the client was still sending
			response = Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}

		response.ifPresent(this::assertFileTooLarge);
		long read = (sent.get() != null) ? sent.get().position() : 0;
		assertThat(read).as("bytes the client sent of a 1GB upload").isLessThan(CUT_OFF);
		assertThat(stored()).isEqualTo(before);
	}

	private Stored stored() {
		return servers.stored(this.jdbc);
	}

	private void assertFileTooLarge(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("type").asString()).isEqualTo("https://tracker.dev/problems/file-too-large");
		assertThat(problem.get("maxSize").asLong()).isEqualTo(LIMIT);
		assertThat(problem.get("detail").asString()).contains(Long.toString(LIMIT));
	}

}
