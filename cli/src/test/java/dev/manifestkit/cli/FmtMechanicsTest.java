package dev.manifestkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fmt}'s file handling over a backend whose "canonical form" is one JSON line per document. */
class FmtMechanicsTest {

    @TempDir
    Path dir;

    private final FakeBackend backend = new FakeBackend();

    @Test
    void printsEachFilesDocumentsToStdoutWithSeparatorsBetweenFiles() throws IOException {
        Files.writeString(dir.resolve("a.yaml"), "kind: A\n---\nkind: B\n");
        Files.writeString(dir.resolve("b.yaml"), "kind: C\n");

        var run = Run.with(backend, "fmt", dir.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("{\"kind\":\"A\"}\n{\"kind\":\"B\"}\n---\n{\"kind\":\"C\"}\n");
        assertThat(dir.resolve("a.yaml")).hasContent("kind: A\n---\nkind: B");
    }

    @Test
    void writeRewritesInPlaceKeepingPermissionsAndSkipsFilesAlreadyCanonical() throws IOException {
        var changed = dir.resolve("a.yaml");
        Files.writeString(changed, "kind: A\n");
        Files.setPosixFilePermissions(changed, PosixFilePermissions.fromString("rw-------"));
        var canonical = dir.resolve("b.yaml");
        Files.writeString(canonical, "{\"kind\":\"B\"}\n");
        var before = Files.getLastModifiedTime(canonical);

        var run = Run.with(backend, "fmt", "--write", dir.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("formatted " + changed + "\n");
        assertThat(changed).hasContent("{\"kind\":\"A\"}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(changed))).isEqualTo("rw-------");
        assertThat(Files.getLastModifiedTime(canonical)).isEqualTo(before);
    }

    @Test
    void aFileThatCannotBeReadIsReportedInOneLineAndLeftUntouched() throws IOException {
        var broken = dir.resolve("a.yaml");
        Files.writeString(broken, "kind: \"unclosed\n");
        var fine = dir.resolve("b.yaml");
        Files.writeString(fine, "kind: B\n");

        var run = Run.with(backend, "fmt", "--write", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo(broken + ":2:1: found unexpected end of stream\n");
        assertThat(broken).hasContent("kind: \"unclosed");
        assertThat(fine).hasContent("{\"kind\":\"B\"}");
    }

    @Test
    void readsStdin() {
        var run = Run.run(backend, "kind: S\n", "fmt", "-");

        assertThat(run.out()).isEqualTo("{\"kind\":\"S\"}\n");
    }
}
