package dev.manifestkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void aNameWithinTheLimitIsKeptWhole() {
        assertThat(FileNames.cutToBytes("deployment-web.yaml", 200)).isEqualTo("deployment-web.yaml");
    }

    @Test
    void aLongNameIsCutAtACharacterBoundaryWithinTheByteLimit() {
        var name = "é".repeat(150); // 300 bytes
        var cut = FileNames.cutToBytes(name, 201);
        assertThat(cut.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(201);
        assertThat(cut).isEqualTo("é".repeat(100));
        assertThat(FileNames.siblingStem("a" + "😀".repeat(60))).isEqualTo("a" + "😀".repeat(49));
    }

    @Test
    void aReplacementCharacterInTheNameItselfIsKept() {
        assertThat(FileNames.cutToBytes("\uFFFD".repeat(80), 200)).isEqualTo("\uFFFD".repeat(66));
    }
}
