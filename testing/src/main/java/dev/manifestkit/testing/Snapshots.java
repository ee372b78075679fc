package dev.manifestkit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

/**
 * Golden files for generated YAML, Jest-style: a missing snapshot is written and the test fails
 * once, saying so; a different one fails with a line diff; {@code -Dmanifestkit.updateSnapshots=true}
 * rewrites them. The text is compared exactly, because the writer is deterministic.
 */
final class Snapshots {

    /** The system property that turns on rewriting. */
    static final String UPDATE_PROPERTY = "manifestkit.updateSnapshots";
    /** The system property that moves the snapshot folder (default {@value #DEFAULT_DIRECTORY}). */
    static final String DIRECTORY_PROPERTY = "manifestkit.snapshotDirectory";
    static final String DEFAULT_DIRECTORY = "src/test/resources/manifest-snapshots";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*");

    private final Path directory;
    private final boolean update;

    Snapshots(Path directory, boolean update) {
        this.directory = directory;
        this.update = update;
    }

    /** The folder and mode the system properties name; the folder is relative to the working directory. */
    static Snapshots fromSystemProperties() {
        return new Snapshots(Path.of(System.getProperty(DIRECTORY_PROPERTY, DEFAULT_DIRECTORY)),
                Boolean.parseBoolean(System.getProperty(UPDATE_PROPERTY, "false")));
    }

    /** The file a snapshot name maps to: {@code <directory>/<name>.yaml}. */
    Path file(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.contains("..")) {
            throw new IllegalArgumentException("snapshot name must be letters, digits, '.', '_', '-' and '/'"
                    + " separated folders, without '..'; got '" + name + "'");
        }
        return directory.resolve(name + ".yaml");
    }

    /**
     * Checks {@code actual} against the named snapshot.
     *
     * @throws AssertionError if the snapshot differs, or did not exist and was just written
     */
    void check(String name, String actual) {
        var file = file(name);
        if (update) {
            if (!Files.exists(file) || !read(file).equals(actual)) {
                write(file, actual);
            }
            return;
        }
        if (!Files.exists(file)) {
            write(file, actual);
            throw new AssertionError("Snapshot '" + name + "' did not exist, so it was written to "
                    + file.toAbsolutePath() + ". Review it, commit it and run the test again.");
        }
        var expected = read(file);
        if (!expected.equals(actual)) {
            throw new AssertionError("Snapshot '" + name + "' does not match " + file.toAbsolutePath()
                    + " (- snapshot, + actual). If the change is intended, rerun with -D" + UPDATE_PROPERTY
                    + "=true and commit the snapshot.\n"
                    + LineDiff.unified(expected, actual, "snapshot " + name, "actual"));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read snapshot " + file, e);
        }
    }

    /** Writes through a temporary file in the same folder, so a snapshot is never half written. */
    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            var temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".snapshot", ".tmp");
            try {
                Files.writeString(temp, text, StandardCharsets.UTF_8);
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write snapshot " + file, e);
        }
    }
}
