package dev.manifestkit.dsl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helper: files under src/test/resources. */
final class Fixtures {

    private Fixtures() {
    }

    static Path path(String resource) {
        try {
            return Path.of(Fixtures.class.getClassLoader().getResource(resource).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(String resource) {
        try {
            return Files.readString(path(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
