package dev.manifestkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code manifestkit fmt}: canonical YAML to stdout, or in place, atomically, with {@code --write}. */
class FmtCommandTest {

    @TempDir
    Path dir;

    static final String MESSY = """
            metadata:
              name: settings
            kind: ConfigMap
            data:
              mode: "0755"
              enabled: "on"
            apiVersion: v1
            ---
            # a comment
            {apiVersion: v1, kind: Namespace, metadata: {name: shop}}
            """;

    static final String CANONICAL = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
            data:
              enabled: "on"
              mode: "0755"
            ---
            apiVersion: v1
            kind: Namespace
            metadata:
              name: shop
            """;

    @Test
    void printsCanonicalYamlKeepingDocumentOrder() throws IOException {
        var file = Files.writeString(dir.resolve("a.yaml"), MESSY);

        var run = Run.of("fmt", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(CANONICAL);
        assertThat(file).hasContent(MESSY.stripTrailing());
    }

    @Test
    void separatesFilesWithADocumentMarker() throws IOException {
        Files.writeString(dir.resolve("a.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n");
        Files.writeString(dir.resolve("b.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n");

        var run = Run.of("fmt", dir.toString());

        assertThat(run.out()).isEqualTo("""
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: a
                ---
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: b
                """);
    }

    @Test
    void writeRewritesInPlaceKeepingPermissionsAndLeavesCanonicalFilesAlone() throws IOException {
        var messy = Files.writeString(dir.resolve("a.yaml"), MESSY);
        Files.setPosixFilePermissions(messy, PosixFilePermissions.fromString("rw-r-----"));
        var tidy = Files.writeString(dir.resolve("b.yaml"), CANONICAL);
        var tidyModified = Files.getLastModifiedTime(tidy);

        var run = Run.of("fmt", "--write", dir.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("formatted " + messy + "\n");
        assertThat(Files.readString(messy)).isEqualTo(CANONICAL);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(messy))).isEqualTo("rw-r-----");
        assertThat(Files.getLastModifiedTime(tidy)).isEqualTo(tidyModified);
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(2);
        }
    }

    @Test
    void aJsonFileStaysJson() throws IOException {
        var file = Files.writeString(dir.resolve("ns.json"),
                "{\"metadata\": {\"name\": \"shop\"}, \"kind\": \"Namespace\", \"apiVersion\": \"v1\"}");

        Run.of("fmt", "-w", file.toString());

        assertThat(Files.readString(file)).startsWith("{").contains("\"apiVersion\"")
                .satisfies(text -> assertThat(text.indexOf("apiVersion")).isLessThan(text.indexOf("metadata")));
    }

    @Test
    void aFileThatCannotBeReadIsOneLineAndLeftUntouchedWhileOthersAreFormatted() throws IOException {
        var broken = Files.writeString(dir.resolve("a.yaml"), "kind: \"unclosed\n");
        var fine = Files.writeString(dir.resolve("b.yaml"), MESSY);

        var run = Run.of("fmt", "--write", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).startsWith(broken + ":").doesNotContain("Exception");
        assertThat(Files.readString(broken)).isEqualTo("kind: \"unclosed\n");
        assertThat(Files.readString(fine)).isEqualTo(CANONICAL);
    }

    @Test
    void writeIntoADirectoryThatIsNotWritableSaysSoAndLeavesTheFile() throws IOException {
        var sub = Files.createDirectory(dir.resolve("locked"));
        var file = Files.writeString(sub.resolve("a.yaml"), MESSY);
        Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Assumptions.assumeFalse(Files.isWritable(sub), "permissions do not bind this user (root)");

            var run = Run.of("fmt", "--write", file.toString());

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).isEqualTo("manifestkit: cannot rewrite " + file
                    + ": permission denied creating a file beside it in " + sub.toRealPath() + " (the file is unchanged)\n");
            assertThat(Files.readString(file)).isEqualTo(MESSY);
            try (var left = Files.list(sub)) {
                assertThat(left).containsExactly(file);
            }
        } finally {
            Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void writeRefusesAReadOnlyFileAsEditorsDo() throws IOException {
        var file = Files.writeString(dir.resolve("a.yaml"), MESSY);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        Assumptions.assumeFalse(Files.isWritable(file), "permissions do not bind this user (root)");

        var run = Run.of("fmt", "--write", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("manifestkit: cannot rewrite " + file
                + ": permission denied (the file is unchanged)\n");
        assertThat(Files.readString(file)).isEqualTo(MESSY);
    }

    @Test
    void aFileThatFailsHalfwayPrintsNothingOfIt() throws IOException {
        var file = Files.writeString(dir.resolve("a.yaml"), MESSY + "---\nkey: [unclosed\n");

        var run = Run.of("fmt", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith(file + ":").hasLineCount(1);
    }

    @Test
    void readsStdin() {
        var run = Run.withStdin(MESSY, "fmt", "-");

        assertThat(run.out()).isEqualTo(CANONICAL);
    }

    @Test
    void aFileThatFailsAfterMegabytesOfGoodDocumentsPrintsNothingOfIt() throws IOException {
        var good = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {k: '" + "v".repeat(10_000) + "'}\n---\n";
        var file = Files.writeString(dir.resolve("a.yaml"), good.repeat(Spool.MEMORY_LIMIT / good.length() + 10)
                + "key: [unclosed\n");

        var run = Run.of("fmt", file.toString());

        assertThat(run.exitCode()).isEqualTo(Main.EXIT_INVALID);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith(file + ":").hasLineCount(1);
    }

    @Test
    void theReadersLimitsAreNamedByTheOptionsThatRaiseThem() throws IOException {
        var file = Files.writeString(dir.resolve("a.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n"
                + "data: {k: '" + "v".repeat(100) + "'}\n");

        var refused = Run.of("fmt", "--max-document-bytes=64", file.toString());
        var raised = Run.of("fmt", "--max-document-bytes", "1000", "--max-values=20", file.toString());

        assertThat(refused.exitCode()).isEqualTo(Main.EXIT_INVALID);
        assertThat(refused.err()).isEqualTo(file + ":1:1: document 1 is larger than 64 characters"
                + " (raise it with --max-document-bytes)\n");
        assertThat(raised.exitCode()).isZero();
        assertThat(Run.of("fmt", "--max-values=0", file.toString()).err())
                .startsWith("manifestkit: --max-values: '0' is not a whole number from 1 to 2147483647\n")
                .contains("manifestkit fmt --help");
    }
}
