package dev.manifestkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void replacesContentKeepsPermissionsAndLeavesNoTemporaryFile() throws IOException {
        var file = dir.resolve("a.yaml");
        Files.writeString(file, "old\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        AtomicFiles.replace(file, "new\n".getBytes());

        assertThat(file).hasContent("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aSymbolicLinkStaysALinkAndItsTargetChanges() throws IOException {
        var target = dir.resolve("real.yaml");
        Files.writeString(target, "old\n");
        var link = Files.createSymbolicLink(dir.resolve("link.yaml"), target);

        AtomicFiles.replace(link, "new\n".getBytes());

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(target).hasContent("new");
    }

    @Test
    void whenTheDirectoryIsNotWritableTheFileIsUntouched() throws IOException {
        var sub = Files.createDirectory(dir.resolve("locked"));
        var file = sub.resolve("a.yaml");
        Files.writeString(file, "old\n");
        Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(sub), "running as a user who can write anywhere");
            assertThatThrownBy(() -> AtomicFiles.replace(file, "new\n".getBytes())).isInstanceOf(IOException.class);
            assertThat(file).hasContent("old");
        } finally {
            Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
