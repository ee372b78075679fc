package dev.manifestkit.maven;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.manifestkit.maven.fixtures.GoodSource;
import dev.manifestkit.maven.fixtures.Variants;

class SourceNamesTest {

    @Test
    void nestedClassesAreShownWithDotsAndWrittenToSubfolders() {
        assertThat(SourceNames.displayName(Variants.Dev.class)).isEqualTo("Variants.Dev");
        assertThat(SourceNames.directory(Variants.Dev.class)).isEqualTo("variants/dev");
        assertThat(SourceNames.directory(GoodSource.class)).isEqualTo("good-source");
    }

    @Test
    void kebabCaseKeepsAcronymsTogether() {
        assertThat(SourceNames.kebabCase("FibApp")).isEqualTo("fib-app");
        assertThat(SourceNames.kebabCase("HTTPServer")).isEqualTo("http-server");
        assertThat(SourceNames.kebabCase("App2Prod")).isEqualTo("app2-prod");
        assertThat(SourceNames.kebabCase("Snake_Case")).isEqualTo("snake-case");
        assertThat(SourceNames.kebabCase("Prod")).isEqualTo("prod");
    }
}
