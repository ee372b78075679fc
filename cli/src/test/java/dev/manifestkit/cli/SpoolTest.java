package dev.manifestkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void theTemporaryFileIsDeletedWhenFmtIsTerminated(@TempDir Path tmp) throws Exception {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(List.of(java, "-Djava.io.tmpdir=" + tmp, "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "fmt", "-"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            // a first document whose formatted text passes the memory bound, a second, and a third that never ends
            // (the reader reads on to the marker after a document before it hands the document over)
            var big = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n");
            for (int i = 0; big.length() <= Spool.MEMORY_LIMIT + 100_000; i++) {
                big.append("  k").append(i).append(": ").append("v".repeat(100)).append('\n');
            }
            var stdin = process.getOutputStream();
            stdin.write(big.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: small}\n---\napiVersion: v1\n").toString().getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (spoolFiles(tmp) == 0 && process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(spoolFiles(tmp)).as("the spool moved to a file").isEqualTo(1);

            process.destroy(); // SIGTERM, as a CI timeout or a Ctrl-C ends it
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(spoolFiles(tmp)).as("temporary files left behind").isZero();
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void aTemporaryFileThatCannotBeMadeIsNotBlamedOnTheInput(@TempDir Path tmp) throws Exception {
        var big = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n");
        for (int i = 0; big.length() <= Spool.MEMORY_LIMIT + 100_000; i++) {
            big.append("  k").append(i).append(": ").append("v".repeat(100)).append('\n');
        }
        var input = Files.writeString(tmp.resolve("big.yaml"), big);
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(List.of(java, "-Djava.io.tmpdir=" + tmp.resolve("missing"), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "fmt", input.toString()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            var err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(Main.EXIT_USAGE);
            assertThat(err.lines().toList()).singleElement().asString()
                    .startsWith("manifestkit: cannot format " + input + ": its text is too large to hold in memory,"
                            + " and the temporary file for it failed: no such file or directory")
                    .endsWith("(set -Djava.io.tmpdir in MANIFESTKIT_JAVA_OPTS to a writable folder)")
                    .doesNotContain("cannot read");
        } finally {
            process.destroyForcibly();
        }
    }

    private static long spoolFiles(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("manifestkit-fmt-")).count();
        }
    }
}
