package dev.tracker.files.file;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What uploads may be ({@code tracker.files.*}).
 *
 * @param maxSize the largest file accepted ({@code TRACKER_FILES_MAX_SIZE}, default
 * 25MB); a larger upload is refused with {@code 413} while it streams in
 * @param spoolThreshold the size beyond which an upload is kept in a temporary file
 * rather than in memory, so that memory does not grow with the file
 * @param allowedTypes the content types, as sniffed from the bytes, that are accepted;
 * anything else is refused with {@code 415}
 */
@ConfigurationProperties("tracker.files")
public record FilesProperties(@DefaultValue("25MB") DataSize maxSize, @DefaultValue("256KB") DataSize spoolThreshold,
		@DefaultValue( {
				"image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "application/zip",
				"application/gzip", "text/plain" }) Set<String> allowedTypes){
}
