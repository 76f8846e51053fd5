package dev.tracker.files;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import javax.imageio.ImageIO;

import dev.tracker.devstack.test.TestHttp;
import dev.tracker.devstack.test.TestStack;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Fixtures of the file service's tests: real servers with a database and a bucket of each
 * test class's own, multipart bodies built by hand, and content of any size that is
 * generated as it is read rather than held in memory.
 */
public final class FileServiceTestUtils {

	private FileServiceTestUtils() {
	}

	/**
	 * Servers for one test class: the test stack, a fresh database and a bucket nobody
	 * else uses, with the given environment variables on top.
	 */
	public static TestServers servers(Map<String, String> overrides) {
		Map<String, String> environment = new LinkedHashMap<>(TestStack.get().environmentFor("file-service"));
		environment.put("S3_BUCKET", "test-files-" + UUID.randomUUID());
		environment.putAll(overrides);
		return new TestServers(environment);
	}

	/** A small but real PNG image. */
	public static byte[] png() {
		BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
		image.setRGB(3, 4, Color.ORANGE.getRGB());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** The SHA-256 of the bytes, hex. */
	public static String sha256(byte[] bytes) {
		return sha256(new ByteArrayInputStream(bytes));
	}

	/** The SHA-256 of everything the stream has, hex. */
	public static String sha256(InputStream content) {
		try (InputStream in = content) {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[64 * 1024];
			int read;
			while ((read = in.read(buffer)) != -1) {
				digest.update(buffer, 0, read);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * {@code POST /api/files} of the upload, every status returned rather than thrown.
	 */
	public static HttpResponse<String> upload(TestHttp http, String token, MultipartUpload upload) {
		return http.send(upload.request(http, token));
	}

	/** {@code GET} of a path, the body as bytes. */
	public static HttpResponse<byte[]> getBytes(TestHttp http, String path, String token) {
		try {
			return http.client().send(http.request(path, token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** How many files have metadata in the service's database. */
	public static long fileRows(JdbcClient jdbc) {
		return jdbc.sql("SELECT count(*) FROM files").query(Long.class).single();
	}

	/**
	 * The environment of one test class's application, and access to its bucket.
	 *
	 * @param environment the environment variables (docs/conventions.md)
	 */
	public record TestServers(Map<String, String> environment) {

		/** Registers the environment as properties of the application under test. */
		public void register(DynamicPropertyRegistry registry) {
			this.environment.forEach((key, value) -> registry.add(key, () -> value));
		}

		/** The bucket of this test class. */
		public String bucket() {
			return this.environment.get("S3_BUCKET");
		}

		/** A client of the test stack's S3 server, to be closed by the caller. */
		public S3Client s3() {
			return S3Client.builder()
				.endpointOverride(URI.create(this.environment.get("S3_ENDPOINT")))
				.region(Region.of(this.environment.get("S3_REGION")))
				.forcePathStyle(true)
				.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials
					.create(this.environment.get("S3_ACCESS_KEY"), this.environment.get("S3_SECRET_KEY"))))
				.build();
		}

		/**
		 * What the service has stored: its metadata rows and the objects in its bucket.
		 */
		public Stored stored(JdbcClient jdbc) {
			return new Stored(fileRows(jdbc), objectKeys());
		}

		/** The keys of the objects in the bucket. */
		public List<String> objectKeys() {
			try (S3Client s3 = s3()) {
				return s3.listObjectsV2Paginator((request) -> request.bucket(bucket()))
					.contents()
					.stream()
					.map(S3Object::key)
					.toList();
			}
		}

	}

	/**
	 * What a file service has stored.
	 *
	 * @param rows how many files have metadata
	 * @param objects the keys of the objects in the bucket
	 */
	public record Stored(long rows, List<String> objects) {
	}

	/**
	 * A {@code multipart/form-data} upload of one file (and optionally an issue id), its
	 * content streamed from a supplier.
	 *
	 * @param fileName the file name the client claims
	 * @param contentType the content type the client claims
	 * @param content a new stream of the content for each call
	 * @param length the length of the content
	 * @param issueId the issue id to send, or {@code null}
	 * @param declareLength whether the request declares its length
	 * ({@code Content-Length}) or is sent chunked
	 */
	public record MultipartUpload(String fileName, String contentType, Supplier<InputStream> content, long length,
			UUID issueId, boolean declareLength) {

		private static final String BOUNDARY = "tracker-test-boundary-7MA4YWxkTrZu0gW";

		/** An upload of the bytes. */
		public static MultipartUpload of(String fileName, String contentType, byte[] content) {
			return new MultipartUpload(fileName, contentType, () -> new ByteArrayInputStream(content), content.length,
					null, true);
		}

		/** An upload of generated content. */
		public static MultipartUpload of(String fileName, String contentType, Supplier<InputStream> content,
				long length) {
			return new MultipartUpload(fileName, contentType, content, length, null, true);
		}

		/** The same upload, naming an issue. */
		public MultipartUpload forIssue(UUID issue) {
			return new MultipartUpload(this.fileName, this.contentType, this.content, this.length, issue,
					this.declareLength);
		}

		/**
		 * The same upload, sent chunked: the server learns its size only by reading it.
		 */
		public MultipartUpload chunked() {
			return new MultipartUpload(this.fileName, this.contentType, this.content, this.length, this.issueId, false);
		}

		/** The {@code POST /api/files} request. */
		public HttpRequest request(TestHttp http, String token) {
			return http.request("/api/files", token)
				.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
				.POST(body())
				.build();
		}

		private BodyPublisher body() {
			StringBuilder head = new StringBuilder();
			if (this.issueId != null) {
				head.append("--" + BOUNDARY + "\r\n")
					.append("Content-Disposition: form-data; name=\"issueId\"\r\n\r\n")
					.append(this.issueId)
					.append("\r\n");
			}
			head.append("--" + BOUNDARY + "\r\n")
				.append("Content-Disposition: form-data; name=\"file\"; filename=\"" + this.fileName + "\"\r\n")
				.append("Content-Type: " + this.contentType + "\r\n\r\n");
			byte[] before = head.toString().getBytes(StandardCharsets.UTF_8);
			byte[] after = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
			BodyPublisher streamed = BodyPublishers.ofInputStream(() -> new SequenceInputStream(
					new SequenceInputStream(new ByteArrayInputStream(before), this.content.get()),
					new ByteArrayInputStream(after)));
			return this.declareLength
					? BodyPublishers.fromPublisher(streamed, before.length + this.length + after.length) : streamed;
		}

	}

	/**
	 * Lines of lowercase text, the same for the same length, made as they are read; it
	 * counts how much has been read.
	 */
	public static final class GeneratedText extends InputStream {

		private final long length;

		private long position;

		public GeneratedText(long length) {
			this.length = length;
		}

		/** How many bytes have been read so far. */
		public long position() {
			return this.position;
		}

		@Override
		public int read() {
			if (this.position >= this.length) {
				return -1;
			}
			return byteAt(this.position++);
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			if (this.position >= this.length) {
				return -1;
			}
			int count = (int) Math.min(length, this.length - this.position);
			for (int i = 0; i < count; i++) {
				buffer[offset + i] = (byte) byteAt(this.position++);
			}
			return count;
		}

		private static int byteAt(long position) {
			if (position % 80 == 79) {
				return '\n';
			}
			long mixed = position * 0x9E3779B97F4A7C15L;
			return 'a' + (int) ((mixed >>> 59) % 26);
		}

	}

}
