package dev.tracker.files.file.web;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import dev.tracker.devstack.test.KeycloakTokens;
import dev.tracker.devstack.test.KeycloakUsers.TestUser;
import dev.tracker.files.FileServiceIntegrationTest;
import dev.tracker.files.FileServiceTestUtils;
import dev.tracker.files.FileServiceTestUtils.GeneratedText;
import dev.tracker.files.FileServiceTestUtils.MultipartUpload;
import dev.tracker.files.FileServiceTestUtils.Stored;
import dev.tracker.files.FileServiceTestUtils.TestServers;
import jakarta.servlet.MultipartConfigElement;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.unit.DataSize;

import static dev.tracker.files.FileServiceTestUtils.getBytes;
import static dev.tracker.files.FileServiceTestUtils.upload;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The file API on a real PostgreSQL, S3 server and Keycloak, with tokens Keycloak issued;
 * the limit is raised to 40MB so that a 30MB file may pass.
 */
class FileApiIntegrationTest extends FileServiceIntegrationTest {

	private static final TestServers servers = FileServiceTestUtils.servers(Map.of("TRACKER_FILES_MAX_SIZE", "40MB"));

	@Autowired
	MultipartConfigElement multipartConfig;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		servers.register(registry);
	}

	private static String token(String user) {
		return stack.tokens().accessToken(user);
	}

	private JsonNode uploaded(String token, MultipartUpload upload) {
		HttpResponse<String> response = upload(this.http, token, upload);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json.readTree(response.body());
	}

	@Test
	void pngIsStoredAsTheTypeItsBytesShowAndReadBackByteForByte() {
		byte[] png = FileServiceTestUtils.png();
		UUID issue = UUID.randomUUID();
		HttpResponse<String> response = upload(this.http, token(KeycloakTokens.REPORTER),
				MultipartUpload.of("screenshot.png", "text/html", png).forIssue(issue));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		JsonNode file = json.readTree(response.body());
		String id = file.get("id").asString();
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).isEqualTo("http://localhost:" + this.port + "/api/files/" + id));
		assertThat(file.get("name").asString()).isEqualTo("screenshot.png");
		assertThat(file.get("contentType").asString()).isEqualTo("image/png");
		assertThat(file.get("size").asLong()).isEqualTo(png.length);
		assertThat(file.get("sha256").asString()).isEqualTo(FileServiceTestUtils.sha256(png));
		assertThat(file.get("issueId").asString()).isEqualTo(issue.toString());
		assertThat(file.get("createdAt").asString()).isNotBlank();
		assertThat(servers.objectKeys()).contains("files/" + id);

		HttpResponse<String> metadata = this.http.get("/api/files/" + id, token(KeycloakTokens.REPORTER));
		assertThat(metadata.statusCode()).isEqualTo(200);
		assertThat(json.readTree(metadata.body())).isEqualTo(file);

		HttpResponse<byte[]> content = getBytes(this.http, "/api/files/" + id + "/content",
				token(KeycloakTokens.REPORTER));
		assertThat(content.statusCode()).isEqualTo(200);
		assertThat(content.body()).isEqualTo(png);
		assertThat(content.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(content.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				(disposition) -> assertThat(disposition).startsWith("inline").contains("screenshot.png"));
		assertThat(content.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
	}

	@Test
	void htmlIsServedAsAPlainTextAttachmentThatBrowsersMayNotSniff() {
		byte[] html = "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
			.getBytes(StandardCharsets.UTF_8);
		JsonNode file = uploaded(token(KeycloakTokens.REPORTER), MultipartUpload.of("page.html", "text/html", html));

		assertThat(file.get("contentType").asString()).isEqualTo("text/plain");
		HttpResponse<byte[]> content = getBytes(this.http, "/api/files/" + file.get("id").asString() + "/content",
				token(KeycloakTokens.REPORTER));
		assertThat(content.statusCode()).isEqualTo(200);
		assertThat(content.body()).isEqualTo(html);
		assertThat(content.headers().allValues("Content-Type")).singleElement()
			.satisfies((type) -> assertThat(type).startsWith("text/plain").doesNotContainIgnoringCase("html"));
		assertThat(content.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				(disposition) -> assertThat(disposition).startsWith("attachment").contains("page.html"));
		assertThat(content.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
		assertThat(content.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((policy) -> assertThat(policy).contains("sandbox").contains("default-src 'none'"));
	}

	@Test
	void fileNameIsSanitized() {
		JsonNode file = uploaded(token(KeycloakTokens.REPORTER), MultipartUpload.of("../../etc/pa\u0001ss<wd>.txt",
				"text/plain", "root:x:0:0".getBytes(StandardCharsets.UTF_8)));

		assertThat(file.get("name").asString()).isEqualTo("pa_ss_wd_.txt");
		HttpResponse<byte[]> content = getBytes(this.http, "/api/files/" + file.get("id").asString() + "/content",
				token(KeycloakTokens.REPORTER));
		assertThat(content.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				(disposition) -> assertThat(disposition).startsWith("attachment; filename=\"pa_ss_wd_.txt\""));
	}

	@Test
	void fileNameWithANulCharacterIsABadRequestAndNothingIsStored() {
		// Tomcat refuses to parse such a part at all, so there is nothing to sanitise
		Stored before = servers.stored(this.jdbc);
		HttpResponse<String> response = upload(this.http, token(KeycloakTokens.REPORTER), MultipartUpload
			.of("../../etc/pa\u0000ss<wd>.txt", "text/plain", "root:x:0:0".getBytes(StandardCharsets.UTF_8)));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(json.readTree(response.body()).get("type").asString())
			.isEqualTo("https://tracker.dev/problems/malformed-upload");
		assertThat(servers.stored(this.jdbc)).isEqualTo(before);
	}

	@Test
	void nonAsciiFileNameIsKeptAndSentBackEncoded() {
		JsonNode file = uploaded(token(KeycloakTokens.REPORTER),
				MultipartUpload.of("Bericht über Äpfel.txt", "text/plain", "Äpfel".getBytes(StandardCharsets.UTF_8)));

		assertThat(file.get("name").asString()).isEqualTo("Bericht über Äpfel.txt");
		HttpResponse<byte[]> content = getBytes(this.http, "/api/files/" + file.get("id").asString() + "/content",
				token(KeycloakTokens.REPORTER));
		assertThat(content.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying((disposition) -> assertThat(disposition).startsWith("attachment")
				.contains("filename*=UTF-8''Bericht%20%C3%BCber%20%C3%84pfel.txt"));
	}

	@Test
	void anotherReporterCannotSeeTheFileButMaintainersAndAdminsCan() {
		TestUser owner = stack.users().create("REPORTER");
		TestUser otherReporter = stack.users().create("REPORTER");
		String id = uploaded(owner.accessToken(), MultipartUpload.of("notes.txt", "text/plain",
				"only for the owner and staff".getBytes(StandardCharsets.UTF_8)))
			.get("id")
			.asString();

		assertThat(this.http.get("/api/files/" + id, owner.accessToken()).statusCode()).isEqualTo(200);
		HttpResponse<String> hidden = this.http.get("/api/files/" + id, otherReporter.accessToken());
		assertThat(hidden.statusCode()).isEqualTo(404);
		assertThat(hidden.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(this.http.get("/api/files/" + id + "/content", otherReporter.accessToken()).statusCode())
			.isEqualTo(404);
		for (String staff : new String[] { KeycloakTokens.MAINTAINER, KeycloakTokens.ADMIN }) {
			assertThat(this.http.get("/api/files/" + id, token(staff)).statusCode()).as(staff).isEqualTo(200);
			HttpResponse<byte[]> content = getBytes(this.http, "/api/files/" + id + "/content", token(staff));
			assertThat(content.statusCode()).as(staff).isEqualTo(200);
			assertThat(new String(content.body(), StandardCharsets.UTF_8)).isEqualTo("only for the owner and staff");
		}
	}

	@Test
	void unknownFileIsNotFoundEvenForAdmins() {
		HttpResponse<String> response = this.http.get("/api/files/" + UUID.randomUUID(), token(KeycloakTokens.ADMIN));

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void emptyFileIsABadRequestAndNothingIsStored() {
		Stored before = servers.stored(this.jdbc);
		HttpResponse<String> response = upload(this.http, token(KeycloakTokens.REPORTER),
				MultipartUpload.of("empty.txt", "text/plain", new byte[0]));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(json.readTree(response.body()).get("type").asString())
			.isEqualTo("https://tracker.dev/problems/empty-file");
		assertThat(servers.stored(this.jdbc)).isEqualTo(before);
	}

	@Test
	void bytesOfATypeThatIsNotAllowedAreRefusedAndNothingIsStored() {
		Stored before = servers.stored(this.jdbc);
		byte[] executable = { 0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3E, 0 };
		HttpResponse<String> response = upload(this.http, token(KeycloakTokens.REPORTER),
				MultipartUpload.of("harmless.png", "image/png", executable));

		assertThat(response.statusCode()).isEqualTo(415);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("type").asString()).isEqualTo("https://tracker.dev/problems/file-type-not-allowed");
		assertThat(problem.get("contentType").asString()).isEqualTo("application/octet-stream");
		assertThat(servers.stored(this.jdbc)).isEqualTo(before);
	}

	@Test
	void issueIdThatIsNotAUuidIsABadRequest() {
		HttpResponse<String> response = this.http.send(this.http
			.request("/api/files?issueId=TRK-1", token(KeycloakTokens.REPORTER))
			.header("Content-Type", "multipart/form-data; boundary=b")
			.POST(HttpRequest.BodyPublishers.ofString(
					"--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\ntext\r\n--b--\r\n"))
			.build());

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void thirtyMegabytesStreamThroughAndKeepTheirSha256() {
		long size = DataSize.ofMegabytes(30).toBytes();
		JsonNode file = uploaded(token(KeycloakTokens.REPORTER),
				MultipartUpload.of("big.log", "text/plain", () -> new GeneratedText(size), size).chunked());

		String expected = FileServiceTestUtils.sha256(new GeneratedText(size));
		assertThat(file.get("size").asLong()).isEqualTo(size);
		assertThat(file.get("sha256").asString()).isEqualTo(expected);
		assertThat(file.get("contentType").asString()).isEqualTo("text/plain");
		HttpResponse<byte[]> content = getBytes(this.http, "/api/files/" + file.get("id").asString() + "/content",
				token(KeycloakTokens.REPORTER));
		assertThat(content.statusCode()).isEqualTo(200);
		assertThat(FileServiceTestUtils.sha256(content.body())).isEqualTo(expected);
	}

	@Test
	void uploadsAreSpooledToDiskBeyondASmallThreshold() {
		assertThat(this.multipartConfig.getFileSizeThreshold()).isEqualTo(DataSize.ofKilobytes(256).toBytes());
		assertThat(this.multipartConfig.getMaxFileSize()).isEqualTo(DataSize.ofMegabytes(40).toBytes());
		assertThat(this.multipartConfig.getMaxRequestSize())
			.isEqualTo(DataSize.ofMegabytes(40).toBytes() + UploadConfiguration.FORM_OVERHEAD.toBytes());
	}

	@Test
	void callsWithoutOrWithABrokenTokenAreUnauthorized() {
		MultipartUpload upload = MultipartUpload.of("notes.txt", "text/plain",
				"anonymous".getBytes(StandardCharsets.UTF_8));
		Stored before = servers.stored(this.jdbc);

		assertThat(upload(this.http, null, upload).statusCode()).isEqualTo(401);
		assertThat(upload(this.http, token(KeycloakTokens.REPORTER) + "x", upload).statusCode()).isEqualTo(401);
		assertThat(this.http.get("/api/files/" + UUID.randomUUID(), null).statusCode()).isEqualTo(401);
		assertThat(this.http.get("/api/files/" + UUID.randomUUID() + "/content", null).statusCode()).isEqualTo(401);
		assertThat(servers.stored(this.jdbc)).isEqualTo(before);
	}

}
