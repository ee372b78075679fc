package dev.manifestkit.core.yaml;

import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.io.InputStream;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** A null argument fails at the public entry, naming the parameter, not deep inside the parser. */
class NullArgumentsTest {

    private final ManifestReader reader = ManifestReader.create();

    @Test
    void readingNullNamesTheArgument() {
        assertThatNullPointerException().isThrownBy(() -> reader.read((String) null)).withMessage("yaml");
        assertThatNullPointerException().isThrownBy(() -> reader.read((Path) null)).withMessage("file");
        assertThatNullPointerException().isThrownBy(() -> reader.read((InputStream) null, "x")).withMessage("in");
        assertThatNullPointerException().isThrownBy(() -> reader.read("a: b", null)).withMessage("origin");
    }
}
