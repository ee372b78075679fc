package dev.manifestkit.validation.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Indexing definitions documents without reading them into trees. */
class DefinitionsTest {

    private static byte[] bundled(String version) throws IOException {
        try (var in = DefinitionsTest.class.getResourceAsStream(
                "/dev/manifestkit/validation/schemas/v" + version + ".0/_definitions.json")) {
            assertThat(in).as("bundled definitions of %s in the jar", version).isNotNull();
            return in.readAllBytes();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.33", "1.34", "1.35", "1.36"})
    void byteScannerAndJsonParserIndexTheBundledDefinitionsAlike(String version) throws IOException {
        var bytes = bundled(version);
        var scanned = Definitions.readTrusted(bytes, version);
        var parsed = Definitions.read(bytes, version);
        assertThat(scanned.ranges()).isEqualTo(parsed.ranges());
        assertThat(scanned.kinds()).isEqualTo(parsed.kinds()).containsEntry("apps/v1 Deployment",
                "io.k8s.api.apps.v1.Deployment").containsEntry("v1 Pod", "io.k8s.api.core.v1.Pod");
        assertThat(scanned.definition("io.k8s.api.core.v1.ServicePort").get("required").toString())
                .isEqualTo("[\"port\"]");
    }

    @Test
    void bundledDefinitionsMatchTheSourceFolder() throws IOException {
        var source = Path.of(System.getProperty("manifestkit.schemas", "../../shared/kubernetes-schemas"),
                "v1.35.0", "_definitions.json");
        assertThat(bundled("1.35")).isEqualTo(Files.readAllBytes(source));
    }

    @Test
    void scannerHandlesEscapesNestingAndASingleGroupVersionKindObject() {
        var json = """
                {"swagger": "2.0", "paths": {"/x": [1, {"a": "}\\""}]},
                 "definitions": {
                   "a.Thing": {"description": "a \\"quoted\\" {brace}", "properties": {"x": {"type": ["string"]}},
                               "x-kubernetes-group-version-kind": {"group": "a", "version": "v1", "kind": "Thing"}},
                   "a.Empty": {},
                   "a.List": {"x-kubernetes-group-version-kind": [{"group": "", "version": "v1", "kind": "ThingList"}]}}}
                """.getBytes(StandardCharsets.UTF_8);
        var scanned = Definitions.readTrusted(json, "test");
        assertThat(scanned.ranges()).isEqualTo(Definitions.read(json, "test").ranges());
        assertThat(scanned.kinds()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                "a/v1 Thing", "a.Thing", "v1 ThingList", "a.List"));
        assertThat(scanned.definition("a.Thing").path("properties").path("x").path("type").get(0).asString())
                .isEqualTo("string");
    }
}
