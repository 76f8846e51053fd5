package dev.tracker.files.file;

import java.util.Set;

/** An upload whose bytes are of a type that is not on the allow-list. */
public class FileTypeNotAllowedException extends RuntimeException {

	private final String contentType;

	private final Set<String> allowedTypes;

	FileTypeNotAllowedException(String contentType, Set<String> allowedTypes) {
		super("Files of type " + contentType + " are not accepted");
		this.contentType = contentType;
		this.allowedTypes = allowedTypes;
	}

	/** The type sniffed from the bytes. */
	public String contentType() {
		return this.contentType;
	}

	/** The types that are accepted. */
	public Set<String> allowedTypes() {
		return this.allowedTypes;
	}

}
