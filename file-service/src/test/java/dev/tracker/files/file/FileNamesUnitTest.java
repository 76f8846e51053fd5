package dev.tracker.files.file;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class FileNamesUnitTest {

	@Test
	void pathIsReducedToItsLastSegment() {
		assertThat(FileNames.sanitize("../../etc/passwd")).isEqualTo("passwd");
		assertThat(FileNames.sanitize("..\\..\\Windows\\system.ini")).isEqualTo("system.ini");
		assertThat(FileNames.sanitize("C:\\Users\\rita\\report.pdf")).isEqualTo("report.pdf");
		assertThat(FileNames.sanitize("/")).isEqualTo("file");
	}

	@Test
	void controlCharactersAreReplaced() {
		assertThat(FileNames.sanitize("../../etc/pa\u0000ss<wd>.txt")).isEqualTo("pa_ss_wd_.txt");
		assertThat(FileNames.sanitize("a\r\nX-Injected: 1.txt")).isEqualTo("a__X-Injected_ 1.txt");
		assertThat(FileNames.sanitize("tab\there\u007F.log")).isEqualTo("tab_here_.log");
	}

	@Test
	void invisibleFormatAndSeparatorCharactersAreReplaced() {
		// a right-to-left override would show "evil\u202Etxt.exe" as "evilexe.txt"
		assertThat(FileNames.sanitize("evil\u202Etxt.exe")).isEqualTo("evil_txt.exe");
		assertThat(FileNames.sanitize("zero\u200Bwidth.txt")).isEqualTo("zero_width.txt");
		assertThat(FileNames.sanitize("line\u2028break.txt")).isEqualTo("line_break.txt");
		assertThat(FileNames.sanitize("lone\uD800surrogate.txt")).isEqualTo("lone_surrogate.txt");
	}

	@Test
	void charactersReservedOnCommonFileSystemsAreReplaced() {
		assertThat(FileNames.sanitize("a<b>c:d\"e|f?g*h.txt")).isEqualTo("a_b_c_d_e_f_g_h.txt");
	}

	@Test
	void leadingDotsAndSurroundingBlanksAreDropped() {
		assertThat(FileNames.sanitize(".bashrc")).isEqualTo("bashrc");
		assertThat(FileNames.sanitize(" . .hidden.txt ")).isEqualTo("hidden.txt");
		assertThat(FileNames.sanitize("report.pdf...")).isEqualTo("report.pdf");
		assertThat(FileNames.sanitize("..")).isEqualTo("file");
	}

	@Test
	void textIsKeptAndNormalised() {
		assertThat(FileNames.sanitize("Bericht über Äpfel (v2) #1.txt")).isEqualTo("Bericht über Äpfel (v2) #1.txt");
		assertThat(FileNames.sanitize("Cafe\u0301.txt")).isEqualTo("Caf\u00E9.txt");
		assertThat(FileNames.sanitize("bug 🐞.png")).isEqualTo("bug 🐞.png");
	}

	@Test
	void longNamesAreCutKeepingTheExtension() {
		String name = FileNames.sanitize("x".repeat(300) + ".tar.gz");

		assertThat(name).hasSize(FileNames.MAX_LENGTH).endsWith("x.gz").startsWith("xxx");
		assertThat(FileNames.sanitize("y".repeat(FileNames.MAX_LENGTH))).isEqualTo("y".repeat(FileNames.MAX_LENGTH));
	}

	@Test
	void longNamesAreCutInCodePointsNotInHalvesOfThem() {
		String name = FileNames.sanitize("🐞".repeat(250));

		assertThat(name.codePointCount(0, name.length())).isEqualTo(FileNames.MAX_LENGTH);
		assertThat(name).isEqualTo("🐞".repeat(FileNames.MAX_LENGTH));
	}

	@Test
	void longExtensionIsNotKeptWhole() {
		String name = FileNames.sanitize("a." + "b".repeat(250));

		assertThat(name).hasSize(FileNames.MAX_LENGTH).startsWith("a.bbb");
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", "...", "../", "dir/", " . . " })
	void nameWithNothingLeftIsFile(String original) {
		assertThat(FileNames.sanitize(original)).isEqualTo("file");
	}

}
