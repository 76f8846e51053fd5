package dev.tracker.files.file;

import java.text.Normalizer;

/**
 * Makes a client's file name safe to store and to send back in a
 * {@code Content-Disposition} header.
 */
public final class FileNames {

	private static final int MAX_LENGTH = 200;

	private FileNames() {
	}

	/**
	 * The last path segment of the name, NFC-normalised, without control characters, path
	 * separators or characters that are reserved on common file systems, at most 200
	 * characters; {@code file} if nothing is left.
	 */
	public static String sanitize(String original) {
		if (original == null) {
			return "file";
		}
		String name = original.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1);
		name = Normalizer.normalize(name, Normalizer.Form.NFC);
		StringBuilder safe = new StringBuilder(name.length());
		name.codePoints().forEach((codePoint) -> {
			if (Character.isISOControl(codePoint) || "<>:\"|?*".indexOf(codePoint) >= 0
					|| Character.getType(codePoint) == Character.FORMAT) {
				safe.append('_');
			}
			else {
				safe.appendCodePoint(codePoint);
			}
		});
		String result = safe.toString().strip();
		while (result.startsWith(".")) {
			result = result.substring(1);
		}
		if (result.codePointCount(0, result.length()) > MAX_LENGTH) {
			result = result.substring(0, result.offsetByCodePoints(0, MAX_LENGTH));
		}
		return result.isBlank() ? "file" : result;
	}

}
