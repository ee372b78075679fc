package dev.manifestkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report that cannot be written is an I/O error that says so, not a silent exit. */
class StdoutFailureTest {

    @TempDir
    Path dir;

    @Test
    void aFullDiskOnStdoutIsExitTwoWithTheReasonOnStderr() throws Exception {
        var full = new File("/dev/full");
        assumeTrue(full.exists(), "needs /dev/full (Linux)");
        var input = Files.writeString(dir.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "validate", input.toString()))
                .redirectOutput(full).redirectError(ProcessBuilder.Redirect.PIPE).start();
        var stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(Main.EXIT_USAGE);
        assertThat(stderr).isEqualTo("manifestkit: cannot write to standard output: No space left on device\n");
    }
}
