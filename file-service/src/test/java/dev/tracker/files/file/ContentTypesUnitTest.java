package dev.tracker.files.file;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ContentTypesUnitTest {

	private static String sniff(byte[] bytes) {
		return ContentTypes.sniff(bytes, bytes.length);
	}

	private static byte[] bytes(int... values) {
		byte[] bytes = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			bytes[i] = (byte) values[i];
		}
		return bytes;
	}

	private static byte[] withTail(byte[] signature) {
		byte[] bytes = Arrays.copyOf(signature, signature.length + 64);
		for (int i = signature.length; i < bytes.length; i++) {
			bytes[i] = (byte) (i * 37);
		}
		return bytes;
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "89 50 4E 47 0D 0A 1A 0A, image/png", "FF D8 FF E0, image/jpeg", "47 49 46 38 39 61, image/gif",
			"47 49 46 38 37 61, image/gif", "52 49 46 46 24 00 00 00 57 45 42 50, image/webp",
			"25 50 44 46 2D 31 2E 37, application/pdf", "50 4B 03 04, application/zip",
			"1F 8B 08 00, application/gzip" })
	void eachSignatureNamesItsType(String signature, String type) {
		byte[] head = bytes(Arrays.stream(signature.split(" ")).mapToInt((hex) -> Integer.parseInt(hex, 16)).toArray());

		assertThat(sniff(withTail(head))).isEqualTo(type);
		assertThat(sniff(head)).isEqualTo(type);
	}

	@Test
	void signatureCutShortIsNotRecognised() {
		assertThat(sniff(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A))).isNotEqualTo("image/png");
		assertThat(sniff(bytes('R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'A', 'V', 'E')))
			.isEqualTo("application/octet-stream");
	}

	@Test
	void onlyTheGivenLengthOfTheHeadCounts() {
		byte[] head = new byte[4096];
		byte[] png = bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
		System.arraycopy(png, 0, head, 0, png.length);
		byte[] text = "plain".getBytes(StandardCharsets.US_ASCII);

		assertThat(ContentTypes.sniff(head, png.length)).isEqualTo("image/png");
		assertThat(ContentTypes.sniff(Arrays.copyOf(text, 4096), text.length)).isEqualTo("text/plain");
	}

	@Test
	void htmlAndOtherMarkupIsPlainText() {
		assertThat(sniff("<!DOCTYPE html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("text/plain");
		assertThat(sniff(
				"<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("text/plain");
	}

	@Test
	void utf8TextWithTabsLineBreaksAndColoursIsText() {
		assertThat(sniff("Größe:\t42 €\r\n\u001B[31mERROR\u001B[0m 日本語 🐞\n".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("text/plain");
	}

	@Test
	void multiByteCharacterCutAtTheSniffBoundaryIsStillText() {
		byte[] text = "ab€".repeat(2000).getBytes(StandardCharsets.UTF_8);
		for (int cut = 4093; cut <= 4096; cut++) {
			assertThat(ContentTypes.sniff(text, cut)).as("cut after %d bytes", cut).isEqualTo("text/plain");
		}
		byte[] emoji = "🐞".getBytes(StandardCharsets.UTF_8);
		assertThat(ContentTypes.sniff(emoji, 3)).isEqualTo("text/plain");
	}

	@Test
	void malformedUtf8IsBinaryWhereverItIs() {
		byte[] text = "a log line\n".repeat(10).getBytes(StandardCharsets.UTF_8);
		byte[] badAtEnd = Arrays.copyOf(text, text.length + 1);
		badAtEnd[text.length] = (byte) 0xFF;
		byte[] badInside = text.clone();
		badInside[5] = (byte) 0xC3;

		assertThat(sniff(badAtEnd)).isEqualTo("application/octet-stream");
		assertThat(sniff(badInside)).isEqualTo("application/octet-stream");
		assertThat(sniff(bytes(0xE2, 0x28, 0xA1))).isEqualTo("application/octet-stream");
	}

	@Test
	void controlCharactersThatTextDoesNotHaveMakeItBinary() {
		assertThat(sniff(bytes('a', 0, 'b'))).isEqualTo("application/octet-stream");
		assertThat(sniff(bytes('a', 0x01, 'b'))).isEqualTo("application/octet-stream");
		assertThat(sniff(bytes('a', 0x1A, 'b'))).isEqualTo("application/octet-stream");
		assertThat(sniff("UTF-16".getBytes(StandardCharsets.UTF_16LE))).isEqualTo("application/octet-stream");
	}

	@Test
	void executableIsBinary() {
		assertThat(sniff(withTail(bytes(0x7F, 'E', 'L', 'F', 2, 1, 1, 0)))).isEqualTo("application/octet-stream");
		assertThat(sniff(withTail(bytes('M', 'Z', 0x90, 0)))).isEqualTo("application/octet-stream");
	}

	@Test
	void onlyImagesAreSafeToShowInline() {
		assertThat(ContentTypes.SAFE_INLINE).containsExactlyInAnyOrder("image/png", "image/jpeg", "image/gif",
				"image/webp");
	}

}
