package dev.manifestkit.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.manifestkit.maven.fixtures.GoodSource;
import dev.manifestkit.maven.fixtures.Variants;

class SourceFinderTest {

    private static final String FIXTURES = "dev.manifestkit.maven.fixtures";

    private final SourceFinder finder = new SourceFinder(testClasses(), getClass().getClassLoader());

    private static Path testClasses() {
        try {
            return Path.of(GoodSource.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void scanningAPackageFindsConcreteSourcesIncludingStaticNestedOnesSortedByName() {
        var result = finder.find(List.of(), List.of(FIXTURES));

        assertThat(result.sources()).containsExactly(GoodSource.class, Variants.Dev.class);
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void scannedSourcesThatCannotBeInstantiatedAreSkippedWithTheReason() {
        var result = finder.find(List.of(), List.of(FIXTURES));

        assertThat(result.skipped()).containsExactlyInAnyOrder(
                FIXTURES + ".NeedsArguments: has no public no-argument constructor",
                FIXTURES + ".Variants$Inner: must be a public top-level or public static nested class");
    }

    @Test
    void listedClassesComeFirstInTheOrderGivenAndAreNotFoundTwice() {
        var result = finder.find(List.of(FIXTURES + ".Variants$Dev"), List.of(FIXTURES));

        assertThat(result.sources()).containsExactly(Variants.Dev.class, GoodSource.class);
    }

    @Test
    void listingOnlyClassesScansNothingElse() {
        var result = finder.find(List.of(FIXTURES + ".GoodSource"), List.of());

        assertThat(result.sources()).containsExactly(GoodSource.class);
        assertThat(result.skipped()).isEmpty();
    }

    @Test
    void listedClassesThatCannotServeAreProblemsSayingWhy() {
        var result = finder.find(List.of(FIXTURES + ".NotASource", FIXTURES + ".AbstractSource",
                FIXTURES + ".NeedsArguments", "com.acme.Missing"), List.of());

        assertThat(result.sources()).isEmpty();
        assertThat(result.problems()).containsExactly(
                FIXTURES + ".NotASource: does not implement dev.manifestkit.core.ManifestSource",
                FIXTURES + ".AbstractSource: is abstract; name a concrete class",
                FIXTURES + ".NeedsArguments: has no public no-argument constructor",
                "com.acme.Missing: class not found in " + testClasses()
                        + " or on the compile classpath (use the binary name, with $ for nested classes)");
    }

    @Test
    void aPackageWithNoClassesIsAProblemBecauseItIsProbablyATypo() {
        var result = finder.find(List.of(), List.of("dev.manifestkit.mavne"));

        assertThat(result.problems()).containsExactly("package dev.manifestkit.mavne: no compiled classes in "
                + testClasses().resolve("dev/manifestkit/mavne"));
    }

    @Test
    void withNothingConfiguredTheWholeClassesDirectoryIsScanned() {
        var result = finder.find(List.of(), List.of());

        assertThat(result.sources()).contains(GoodSource.class, Variants.Dev.class);
    }
}
