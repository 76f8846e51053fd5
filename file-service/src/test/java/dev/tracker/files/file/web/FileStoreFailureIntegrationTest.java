package dev.tracker.files.file.web;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.tracker.devstack.test.KeycloakTokens;
import dev.tracker.files.FileServiceIntegrationTest;
import dev.tracker.files.FileServiceTestUtils;
import dev.tracker.files.FileServiceTestUtils.MultipartUpload;
import dev.tracker.files.FileServiceTestUtils.Stored;
import dev.tracker.files.FileServiceTestUtils.TestServers;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.tracker.files.FileServiceTestUtils.upload;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file is in the bucket and in the database, or in neither: real failures of either
 * store, made by taking the bucket away or by a constraint that refuses one name.
 */
class FileStoreFailureIntegrationTest extends FileServiceIntegrationTest {

	private static final TestServers servers = FileServiceTestUtils.servers(Map.of());

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		servers.register(registry);
	}

	private HttpResponse<String> uploadText(String name) {
		return upload(this.http, stack.tokens().accessToken(KeycloakTokens.REPORTER),
				MultipartUpload.of(name, "text/plain", "steps to reproduce".getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void failedPutLeavesNoMetadataAndIsAProblem() {
		assertThat(uploadText("before.txt").statusCode()).isEqualTo(201);
		Stored before = servers.stored(this.jdbc);
		try (S3Client s3 = servers.s3()) {
			servers.objectKeys()
				.forEach((key) -> s3.deleteObject((request) -> request.bucket(servers.bucket()).key(key)));
			s3.deleteBucket((request) -> request.bucket(servers.bucket()));
			try {
				HttpResponse<String> response = uploadText("lost.txt");

				assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
				assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
				assertThat(json.readTree(response.body()).get("type").asString())
					.isEqualTo("https://tracker.dev/problems/file-store-unavailable");
				assertThat(FileServiceTestUtils.fileRows(this.jdbc)).isEqualTo(before.rows());
			}
			finally {
				s3.createBucket((request) -> request.bucket(servers.bucket()));
			}
		}
	}

	@Test
	void failedMetadataInsertDeletesTheObjectAgain() {
		Stored before = servers.stored(this.jdbc);
		this.jdbc.sql("ALTER TABLE files ADD CONSTRAINT refuse_one_name CHECK (name <> 'refused.txt') NOT VALID")
			.update();
		try {
			HttpResponse<String> response = uploadText("refused.txt");

			assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
			assertThat(servers.stored(this.jdbc)).isEqualTo(before);
		}
		finally {
			this.jdbc.sql("ALTER TABLE files DROP CONSTRAINT refuse_one_name").update();
		}
		assertThat(uploadText("accepted.txt").statusCode()).isEqualTo(201);
	}

}
