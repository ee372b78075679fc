package dev.manifestkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private static AtomicFiles.Content text(String text) {
        return out -> out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    private void assertOnlyFiles(Path... files) throws IOException {
        try (var listing = Files.list(dir)) {
            assertThat(listing).containsExactlyInAnyOrder(files);
        }
    }

    @Test
    void replacesContentKeepsPermissionsAndLeavesNoTemporaryFile() throws IOException {
        var file = Files.writeString(dir.resolve("a.yaml"), "old\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        var replaced = AtomicFiles.replace(file, text("new\n"));

        assertThat(replaced).isTrue();
        assertThat(Files.readString(file)).isEqualTo("new\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
        assertOnlyFiles(file);
    }

    @Test
    void theSameContentLeavesTheFileAndItsModificationTimeAlone() throws IOException {
        var file = Files.writeString(dir.resolve("a.yaml"), "same\n");
        var past = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(file, past);

        var replaced = AtomicFiles.replace(file, text("same\n"));

        assertThat(replaced).isFalse();
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(past);
        assertOnlyFiles(file);
    }

    @Test
    void contentThatFailsHalfwayLeavesTheOriginalUntouchedAndNoTemporaryFile() throws IOException {
        var file = Files.writeString(dir.resolve("a.yaml"), "old\n");

        assertThatThrownBy(() -> AtomicFiles.replace(file, out -> {
            out.write("half of the new con".getBytes(StandardCharsets.UTF_8));
            throw new IOException("reader gave up");
        })).hasMessage("reader gave up");

        assertThat(Files.readString(file)).isEqualTo("old\n");
        assertOnlyFiles(file);
    }

    @Test
    void aSymbolicLinkStaysALinkAndItsTargetChanges() throws IOException {
        var target = Files.writeString(dir.resolve("real.yaml"), "old\n");
        var link = Files.createSymbolicLink(dir.resolve("link.yaml"), target);

        AtomicFiles.replace(link, text("new\n"));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(target)).isEqualTo("new\n");
    }

    @Test
    void aFileOfTheLongestNameIsReplacedToo() throws IOException {
        var file = Files.writeString(dir.resolve("\u00e9".repeat(100) + "x".repeat(50) + ".yaml"), "old\n");

        assertThat(AtomicFiles.replace(file, text("new\n"))).isTrue();

        assertThat(Files.readString(file)).isEqualTo("new\n");
        assertOnlyFiles(file);
    }
}
