package dev.manifestkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file of 100,000 documents validated in a separate JVM limited to a 256 MB heap: the CLI
 * must read document by document and keep only small per-resource verdicts; and formatted with
 * a heap smaller than the file.
 */
class LargeStreamTest {

    static final int DOCUMENTS = 100_000;

    @TempDir
    Path dir;

    /** kubeconform's valid.yaml, with a distinct name per copy so that no two objects collide. */
    private Path manyDocuments() throws IOException {
        var file = dir.resolve("many.yaml");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (var i = 0; i < DOCUMENTS; i++) {
                out.write("""
                        apiVersion: v1
                        kind: ReplicationController
                        metadata:
                          name: "bob-%d"
                        spec:
                          replicas: 2
                          selector:
                            app: nginx
                          template:
                            metadata:
                              name: nginx
                              labels:
                                app: nginx
                            spec:
                              containers:
                              - name: nginx
                                image: nginx
                                ports:
                                - containerPort: 80
                        ---
                        """.formatted(i));
            }
        }
        return file;
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aHundredThousandDocumentsValidateWithA256MegabyteHeap() throws Exception {
        var input = manyDocuments();
        var report = dir.resolve("report.txt");
        var errors = dir.resolve("stderr.txt");
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = List.of(java, "-Xmx256m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "validate", input.toString());

        var process = new ProcessBuilder(command).redirectOutput(report.toFile()).redirectError(errors.toFile()).start();
        assertThat(process.waitFor(4, TimeUnit.MINUTES)).as("finished in time").isTrue();

        var stderr = Files.readString(errors);
        assertThat(stderr).doesNotContain("OutOfMemoryError").doesNotContain("\tat ");
        String last;
        try (var lines = Files.lines(report)) {
            last = lines.reduce((a, b) -> b).orElse("");
        }
        assertThat(last).as("last line of the report; stderr: %s", stderr).contains(DOCUMENTS + " resources");
        assertThat(process.exitValue()).isZero();
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void fmtPrintsAFileLargerThanItsHeapWhole() throws Exception {
        var input = manyDocuments();
        var output = dir.resolve("formatted.yaml");
        var errors = dir.resolve("stderr.txt");
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the file is 40 MB, its formatted text as long: held whole, it would not fit
        var command = List.of(java, "-Xmx32m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "fmt", input.toString());

        var process = new ProcessBuilder(command).redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
        assertThat(process.waitFor(4, TimeUnit.MINUTES)).as("finished in time").isTrue();

        assertThat(Files.readString(errors)).isEmpty();
        assertThat(process.exitValue()).isZero();
        assertThat(Files.size(output)).isGreaterThan(Files.size(input) * 9 / 10);
        try (var lines = Files.lines(output)) {
            assertThat(lines.filter(line -> line.startsWith("  name: bob-")).count()).isEqualTo(DOCUMENTS);
        }
    }
}
