package dev.tracker.files.file;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * What a file is, judged from its first bytes, never from what the client claims: the
 * common image, document and archive signatures, UTF-8 text, and
 * {@code application/octet-stream} for everything else.
 */
public final class ContentTypes {

	/** Types a browser may show inline without risk. */
	public static final Set<String> SAFE_INLINE = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

	/**
	 * The control characters text may have: bell, backspace, tab, line feed, vertical
	 * tab, form feed, carriage return and escape (colours in logs).
	 */
	private static final String TEXT_CONTROLS = "\u0007\b\t\n\u000B\f\r\u001B";

	private ContentTypes() {
	}

	/**
	 * The type of the content that starts with these bytes.
	 * @param head the first bytes of the content (all of it, or a prefix)
	 * @param length how many bytes of {@code head} to look at
	 * @return the content type
	 */
	public static String sniff(byte[] head, int length) {
		byte[] bytes = Arrays.copyOf(head, length);
		if (startsWith(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return "image/png";
		}
		if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
			return "image/jpeg";
		}
		if (startsWith(bytes, 'G', 'I', 'F', '8')) {
			return "image/gif";
		}
		if (startsWith(bytes, 'R', 'I', 'F', 'F') && length >= 12 && bytes[8] == 'W' && bytes[9] == 'E'
				&& bytes[10] == 'B' && bytes[11] == 'P') {
			return "image/webp";
		}
		if (startsWith(bytes, '%', 'P', 'D', 'F', '-')) {
			return "application/pdf";
		}
		if (startsWith(bytes, 'P', 'K', 0x03, 0x04)) {
			return "application/zip";
		}
		if (startsWith(bytes, 0x1F, 0x8B)) {
			return "application/gzip";
		}
		if (isText(bytes)) {
			return "text/plain";
		}
		return "application/octet-stream";
	}

	private static boolean startsWith(byte[] bytes, int... signature) {
		if (bytes.length < signature.length) {
			return false;
		}
		for (int i = 0; i < signature.length; i++) {
			if ((bytes[i] & 0xFF) != signature[i]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * UTF-8 (or ASCII) without the control characters that do not occur in text; a
	 * multi-byte character cut off at the end of the head is fine, a malformed one is
	 * not.
	 */
	private static boolean isText(byte[] bytes) {
		for (byte b : bytes) {
			if (b >= 0 && b < 0x20 && TEXT_CONTROLS.indexOf(b) < 0) {
				return false;
			}
		}
		CharBuffer chars = CharBuffer.allocate(bytes.length);
		CoderResult result = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT)
			.decode(ByteBuffer.wrap(bytes), chars, false);
		return !result.isError();
	}

}
