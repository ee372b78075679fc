package dev.manifestkit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotsTest {

    @TempDir
    Path dir;

    @Test
    void missingSnapshotIsWrittenAndFailsOnceSayingSo() {
        var snapshots = new Snapshots(dir, false);

        assertThatThrownBy(() -> snapshots.check("app/dev", "kind: Pod\n"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Snapshot 'app/dev' did not exist, so it was written to")
                .hasMessageContaining(dir.resolve("app/dev.yaml").toString());
        assertThat(dir.resolve("app/dev.yaml")).hasContent("kind: Pod");

        snapshots.check("app/dev", "kind: Pod\n");
    }

    @Test
    void differentOutputFailsWithALineDiffAndHowToUpdate() throws IOException {
        Files.writeString(dir.resolve("web.yaml"), "kind: Deployment\nspec:\n  replicas: 1\n");
        var snapshots = new Snapshots(dir, false);

        assertThatThrownBy(() -> snapshots.check("web", "kind: Deployment\nspec:\n  replicas: 3\n"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Snapshot 'web' does not match")
                .hasMessageContaining("-Dmanifestkit.updateSnapshots=true")
                .hasMessageContaining("-  replicas: 1\n+  replicas: 3\n");
        assertThat(dir.resolve("web.yaml")).hasContent("kind: Deployment\nspec:\n  replicas: 1");
    }

    @Test
    void updateModeRewritesAndPasses() throws IOException {
        Files.writeString(dir.resolve("web.yaml"), "old\n");

        new Snapshots(dir, true).check("web", "new\n");

        assertThat(Files.readString(dir.resolve("web.yaml"))).isEqualTo("new\n");
    }

    @Test
    void comparisonIsExactButToleratesWindowsLineEndingsInTheFile() throws IOException {
        Files.writeString(dir.resolve("web.yaml"), "a: 1\r\nb: 2\r\n");
        var snapshots = new Snapshots(dir, false);

        snapshots.check("web", "a: 1\nb: 2\n");
        assertThatThrownBy(() -> snapshots.check("web", "a: 1\nb: 2"))
                .hasMessageContaining("no newline at end");
    }

    @Test
    void namesThatEscapeTheFolderAreRejected() {
        var snapshots = new Snapshots(dir, false);

        assertThatThrownBy(() -> snapshots.check("../outside", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got '../outside'");
        assertThatThrownBy(() -> snapshots.check("/etc/passwd", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void folderAndModeComeFromSystemProperties() {
        var previous = System.getProperty(Snapshots.DIRECTORY_PROPERTY);
        System.setProperty(Snapshots.DIRECTORY_PROPERTY, dir.toString());
        try {
            assertThat(Snapshots.fromSystemProperties().file("x")).isEqualTo(dir.resolve("x.yaml"));
        } finally {
            if (previous == null) {
                System.clearProperty(Snapshots.DIRECTORY_PROPERTY);
            } else {
                System.setProperty(Snapshots.DIRECTORY_PROPERTY, previous);
            }
        }
        assertThat(Snapshots.fromSystemProperties().file("x"))
                .isEqualTo(Path.of("src/test/resources/manifest-snapshots/x.yaml"));
    }
}
