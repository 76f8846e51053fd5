package dev.tracker.files.file.web;

import java.time.Instant;
import java.util.UUID;

import dev.tracker.files.file.StoredFile;

/** A file's metadata as the API shows it. */
record FileView(UUID id, String name, String contentType, long size, String sha256, UUID issueId, Instant createdAt) {

	static FileView of(StoredFile file) {
		return new FileView(file.id(), file.name(), file.contentType(), file.size(), file.sha256(), file.issueId(),
				file.createdAt());
	}

}
