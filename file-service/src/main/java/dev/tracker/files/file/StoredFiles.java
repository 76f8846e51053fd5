package dev.tracker.files.file;

import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The metadata of all files. */
@Repository
public class StoredFiles {

	private final JdbcClient jdbc;

	StoredFiles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores a file's metadata. */
	public void add(StoredFile file) {
		this.jdbc.sql("""
				INSERT INTO files (id, name, content_type, size, sha256, owner_id, issue_id, storage_key, created_at)
				VALUES (:id, :name, :type, :size, :sha256, :owner, :issue, :key, :created)""")
			.param("id", file.id())
			.param("name", file.name())
			.param("type", file.contentType())
			.param("size", file.size())
			.param("sha256", file.sha256())
			.param("owner", file.ownerId())
			.param("issue", file.issueId())
			.param("key", file.storageKey())
			.param("created", Timestamp.from(file.createdAt()))
			.update();
	}

	/** A file's metadata, if it exists. */
	public Optional<StoredFile> find(UUID id) {
		return this.jdbc.sql("SELECT * FROM files WHERE id = :id")
			.param("id", id)
			.query((row, number) -> new StoredFile(row.getObject("id", UUID.class), row.getString("name"),
					row.getString("content_type"), row.getLong("size"), row.getString("sha256"),
					row.getString("owner_id"), row.getObject("issue_id", UUID.class), row.getString("storage_key"),
					row.getTimestamp("created_at").toInstant()))
			.optional();
	}

}
