package dev.tracker.files.file;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
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

	private ContentTypes() {
	}

	/** The type of the content that starts with these bytes. */
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

	private static boolean isText(byte[] bytes) {
		for (byte b : bytes) {
			if (b == 0) {
				return false;
			}
		}
		// a multi-byte character may be cut at the end of the sniffed head: ignore an
		// incomplete tail
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes, 0, Math.max(0, bytes.length - 3)));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

}
