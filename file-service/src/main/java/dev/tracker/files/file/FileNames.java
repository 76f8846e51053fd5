package dev.tracker.files.file;

import java.text.Normalizer;

/**
 * Makes a client's file name safe to store and to send back in a
 * {@code Content-Disposition} header.
 */
public final class FileNames {

	/** The longest name kept, in code points. */
	public static final int MAX_LENGTH = 200;

	/** The longest extension kept when a name is shortened, dot included. */
	private static final int MAX_EXTENSION = 16;

	private static final String RESERVED = "<>:\"|?*";

	private FileNames() {
	}

	/**
	 * The last path segment of the name, NFC-normalised, with control, format (e.g.
	 * bidirectional overrides), separator and reserved characters replaced by {@code _},
	 * without leading or trailing dots and blanks, at most {@value #MAX_LENGTH} code
	 * points (the extension kept); {@code file} if nothing is left.
	 * @param original the name the client sent, or {@code null}
	 * @return a safe name, never empty
	 */
	public static String sanitize(String original) {
		if (original == null) {
			return "file";
		}
		String name = original.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1);
		name = Normalizer.normalize(name, Normalizer.Form.NFC);
		StringBuilder safe = new StringBuilder(name.length());
		name.codePoints().forEach((codePoint) -> safe.appendCodePoint(unsafe(codePoint) ? '_' : codePoint));
		return shorten(trim(safe.toString()));
	}

	private static boolean unsafe(int codePoint) {
		return switch (Character.getType(codePoint)) {
			case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.LINE_SEPARATOR,
					Character.PARAGRAPH_SEPARATOR ->
				true;
			default -> RESERVED.indexOf(codePoint) >= 0;
		};
	}

	/**
	 * Without leading dots (hidden files) or trailing dots, and without blanks around.
	 */
	private static String trim(String name) {
		int start = 0;
		int end = name.length();
		while (start < end && (name.charAt(start) == '.' || Character.isWhitespace(name.charAt(start)))) {
			start++;
		}
		while (end > start && (name.charAt(end - 1) == '.' || Character.isWhitespace(name.charAt(end - 1)))) {
			end--;
		}
		return (start < end) ? name.substring(start, end) : "file";
	}

	private static String shorten(String name) {
		int length = name.codePointCount(0, name.length());
		if (length <= MAX_LENGTH) {
			return name;
		}
		int dot = name.lastIndexOf('.');
		String extension = (dot > 0 && name.codePointCount(dot, name.length()) <= MAX_EXTENSION) ? name.substring(dot)
				: "";
		int keep = MAX_LENGTH - extension.codePointCount(0, extension.length());
		return trim(name.substring(0, name.offsetByCodePoints(0, keep))) + extension;
	}

}
