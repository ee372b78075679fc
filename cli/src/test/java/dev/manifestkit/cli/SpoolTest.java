package dev.manifestkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** {@code fmt}'s hold on a file's formatted text: in memory up to a bound, then in a temporary file. */
class SpoolTest {

    private static String copied(Spool spool) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            spool.copyTo(out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static long spoolFiles() throws IOException {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("manifestkit-fmt-")).count();
        }
    }

    @Test
    void textBeyondTheMemoryBoundMovesToAFileAndComesBackWhole() throws IOException {
        var before = spoolFiles();
        var text = "apiVersion: v1\nname: \u2603 \ud83d\ude00 caf\u00e9\n".repeat(50);
        try (var spool = new Spool(100)) {
            assertThat(spool.isEmpty()).isTrue();
            spool.write(text, 0, 30);
            spool.write(text.toCharArray(), 30, text.length() - 30);
            assertThat(spool.isEmpty()).isFalse();
            assertThat(spoolFiles()).isEqualTo(before + 1);
            assertThat(copied(spool)).isEqualTo(text);
        }
        assertThat(spoolFiles()).isEqualTo(before);
    }

    @Test
    void textWithinTheBoundStaysInMemory() throws IOException {
        var before = spoolFiles();
        try (var spool = new Spool(100)) {
            spool.write("kind: Pod\n");
            spool.write("");
            assertThat(spoolFiles()).isEqualTo(before);
            assertThat(copied(spool)).isEqualTo("kind: Pod\n");
        }
    }
}
