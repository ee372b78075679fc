package dev.manifestkit.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import dev.manifestkit.core.ManifestDocument;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The YAML and the JSON manifestkit writes for every {@link HostileScalars hostile string} mean the
 * same strings to the YAML readers people and Kubernetes tools use: PyYAML (YAML 1.1, pure and
 * libyaml), yq (libyaml with YAML 1.2 resolution), kubectl (go-yaml, as {@code kubectl apply}
 * reads) and kustomize. Each reader gets the whole set in one document; each test skips where its
 * reader is not installed.
 */
class ExternalYamlReadersTest {

    private static final List<String> VALUES = HostileScalarsTest.VALUES;
    private static final List<String> JSON_VALUES = HostileScalarsTest.JSON_VALUES;

    @Test
    void pyYamlReadsEveryHostileStringBack() throws IOException {
        YamlReaders.assumePyYaml(false);
        assertThat(HostileScalars.misreadings(only(YamlReaders.pyYaml(HostileScalarsTest.YAML, false)), VALUES))
                .isEmpty();
        assertThat(HostileScalars.misreadings(only(YamlReaders.pyYaml(HostileScalarsTest.JSON, false)), JSON_VALUES))
                .isEmpty();
    }

    @Test
    void pyYamlWithLibyamlReadsEveryHostileStringBack() throws IOException {
        YamlReaders.assumePyYaml(true);
        assertThat(HostileScalars.misreadings(only(YamlReaders.pyYaml(HostileScalarsTest.YAML, true)), VALUES))
                .isEmpty();
        assertThat(HostileScalars.misreadings(only(YamlReaders.pyYaml(HostileScalarsTest.JSON, true)), JSON_VALUES))
                .isEmpty();
    }

    /** yq prints JSON, so a key it read as {@code true} would look right: PyYAML checks key types. */
    @Test
    void yqReadsEveryHostileStringBack() throws IOException {
        YamlReaders.assumeYq();
        assertThat(HostileScalars.misreadings(only(YamlReaders.yq(HostileScalarsTest.YAML)), VALUES)).isEmpty();
        assertThat(HostileScalars.misreadings(only(YamlReaders.yq(HostileScalarsTest.JSON)), JSON_VALUES)).isEmpty();
    }

    @Test
    void kubectlReadsEveryHostileStringBack() throws IOException {
        Kubectl.assumeAvailable();
        var read = only(YamlReaders.kubectl(HostileScalarsTest.YAML));
        assertThat(HostileScalars.misreadings(read, VALUES)).isEmpty();
    }

    /**
     * kustomize prints what it read as YAML of its own, which no other reader takes back exactly
     * (go-yaml writes {@code 1e400} bare, and U+0085 raw): so the oracle is kustomize itself, given
     * the same object as JSON. Left out are values kustomize cannot carry however they are written,
     * JSON included: DEL, the C1 controls (U+0085 among them) and U+FFFE/U+FFFF, which its go-yaml
     * round trip refuses or folds; and annotations, which it re-encodes so that a value starting
     * with a tab and spanning lines fails, kubectl's own output too.
     */
    @Test
    void kustomizeReadsTheYamlAsItReadsTheJson() throws IOException {
        YamlReaders.assumeKustomize();
        var values = JSON_VALUES.stream().filter(value -> value.chars()
                .noneMatch(c -> c >= 0x7F && c <= 0x9F || c == 0xFFFE || c == 0xFFFF)).toList();
        ObjectNode tree = HostileScalars.tree(values);
        ((ObjectNode) tree.get("metadata")).remove("annotations");

        var fromYaml = YamlReaders.kustomize(ManifestWriter.toYaml(tree), "hostile.yaml");
        var fromJson = YamlReaders.kustomize(ManifestWriter.toJson(List.of(ManifestDocument.inMemory(tree, 0))),
                "hostile.json");

        assertThat(values).hasSizeGreaterThan(1300);
        assertThat(only(fromYaml)).isEqualTo(only(fromJson));
    }

    private static JsonNode only(List<JsonNode> documents) {
        assertThat(documents).hasSize(1);
        return documents.get(0);
    }
}
