package dev.tracker.files.file;

import java.time.Instant;
import java.util.UUID;

/**
 * A file's metadata.
 *
 * @param id the file id
 * @param name the sanitised file name
 * @param contentType the type sniffed from the bytes
 * @param size the size in bytes
 * @param sha256 the SHA-256 of the bytes, hex
 * @param ownerId who uploaded it
 * @param issueId the issue it belongs to, if given at upload
 * @param storageKey where the bytes are in the bucket
 * @param createdAt when it was uploaded
 */
public record StoredFile(UUID id, String name, String contentType, long size, String sha256, String ownerId,
		UUID issueId, String storageKey, Instant createdAt) {
}
