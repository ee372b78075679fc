package dev.manifestkit.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/** Where the shared test data lives (outside the repository, never copied into it). */
final class Fixtures {

    private Fixtures() {
    }

    /** kubeconform's fixtures, from {@code -Dmanifestkit.peer} or {@code ../shared} beside the repository. */
    static Path kubeconform() {
        var configured = System.getProperty("manifestkit.peer");
        var dir = configured != null ? Path.of(configured)
                : Path.of("..", "..", "shared", "peer-suites", "kubeconform").toAbsolutePath().normalize();
        var fixtures = dir.resolve("fixtures");
        Assumptions.assumeTrue(Files.isDirectory(fixtures), "kubeconform fixtures not found at " + fixtures);
        return fixtures;
    }

    /** {@code fixtures/junit.xsd}. */
    static Path junitXsd() {
        return kubeconform().resolve("junit.xsd");
    }
}
