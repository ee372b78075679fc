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

/**
 * A report that cannot be written is an I/O error that says so, not a silent exit; and what only a
 * separate JVM shows (its locale) is one line too.
 */
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

    @Test
    void aNonAsciiFileNameInTheCLocaleIsOneLineSayingWhatToDo() throws Exception {
        var input = Files.writeString(dir.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var builder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "validate", input.toString(), dir.resolve("\u2603.yaml").toString()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.PIPE);
        builder.environment().put("LC_ALL", "C");
        var process = builder.start();
        var stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assumeTrue(!stderr.contains("no such file"), "this JVM reads file names as UTF-8 in the C locale");
        assertThat(process.exitValue()).isEqualTo(Main.EXIT_USAGE);
        assertThat(stderr).doesNotContain("internal error").endsWith(
                " cannot represent: run with a UTF-8 locale, such as LC_ALL=C.UTF-8\n").hasLineCount(1);
    }
}
