package dev.tracker.files.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import dev.tracker.files.storage.ObjectStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;

/**
 * Takes an upload in: reads it once to learn its type, size and SHA-256, refuses types
 * that are not allowed, streams it into the bucket (which checks the SHA-256), then
 * records its metadata. A file is either in both places or in neither: a failed put
 * leaves no metadata, and a failed insert deletes the object again.
 */
@Service
public class Uploads {

	private static final Logger logger = LoggerFactory.getLogger(Uploads.class);

	static final int SNIFF_BYTES = 4096;

	private final StoredFiles files;

	private final ObjectStore store;

	private final FilesProperties properties;

	private final Clock clock;

	Uploads(StoredFiles files, ObjectStore store, FilesProperties properties, Clock clock) {
		this.files = files;
		this.store = store;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Stores the content and its metadata.
	 * @param content the bytes; opened twice, so a temporary file rather than a network
	 * stream
	 * @param originalName the name the client gave, sanitised here
	 * @param ownerId who uploads it
	 * @param issueId the issue it belongs to, or {@code null}
	 * @return the stored file's metadata
	 * @throws FileTypeNotAllowedException if the bytes are of a type that is not allowed
	 */
	public StoredFile store(InputStreamSource content, String originalName, String ownerId, UUID issueId) {
		Fingerprint fingerprint = Fingerprint.of(content);
		if (!this.properties.allowedTypes().contains(fingerprint.contentType())) {
			throw new FileTypeNotAllowedException(fingerprint.contentType(), this.properties.allowedTypes());
		}
		UUID id = UUID.randomUUID();
		StoredFile file = new StoredFile(id, FileNames.sanitize(originalName), fingerprint.contentType(),
				fingerprint.size(), fingerprint.sha256(), ownerId, issueId, "files/" + id, Instant.now(this.clock));
		this.store.put(file.storageKey(), content, file.size(), file.contentType(), file.sha256());
		try {
			this.files.add(file);
		}
		catch (RuntimeException ex) {
			try {
				this.store.delete(file.storageKey());
			}
			catch (RuntimeException cleanup) {
				logger.error("Could not delete {} after its metadata was refused; it is an orphan now",
						file.storageKey(), cleanup);
				ex.addSuppressed(cleanup);
			}
			throw ex;
		}
		return file;
	}

	/**
	 * What one pass over the bytes tells: the sniffed type, the size and the SHA-256.
	 */
	private record Fingerprint(String contentType, long size, String sha256) {

		static Fingerprint of(InputStreamSource content) {
			MessageDigest sha256 = newDigest();
			byte[] head = new byte[SNIFF_BYTES];
			int headLength = 0;
			long size = 0;
			byte[] buffer = new byte[64 * 1024];
			try (InputStream in = content.getInputStream()) {
				int read;
				while ((read = in.read(buffer)) != -1) {
					if (headLength < SNIFF_BYTES) {
						int copied = Math.min(read, SNIFF_BYTES - headLength);
						System.arraycopy(buffer, 0, head, headLength, copied);
						headLength += copied;
					}
					sha256.update(buffer, 0, read);
					size += read;
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not read the upload", ex);
			}
			return new Fingerprint(ContentTypes.sniff(head, headLength), size,
					HexFormat.of().formatHex(sha256.digest()));
		}

		private static MessageDigest newDigest() {
			try {
				return MessageDigest.getInstance("SHA-256");
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
