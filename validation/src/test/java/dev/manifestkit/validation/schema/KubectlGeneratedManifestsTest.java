package dev.manifestkit.validation.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.core.yaml.Kubectl;
import dev.manifestkit.validation.Problem;
import dev.manifestkit.validation.TestDocs;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * What {@code kubectl create … --dry-run=client -o yaml} writes is valid by definition, including
 * its {@code creationTimestamp: null}, {@code strategy: {}} and {@code status: {}}: zero
 * schema problems. Skipped where kubectl is not installed.
 */
class KubectlGeneratedManifestsTest {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    @BeforeAll
    static void requireKubectl() {
        Kubectl.assumeAvailable();
    }

    @ParameterizedTest(name = "kubectl create {0}")
    @MethodSource("dev.manifestkit.validation.KubectlCreateCommands#all")
    void kubectlOutputHasNoSchemaProblems(List<String> arguments) throws IOException {
        var yaml = Kubectl.create(arguments.toArray(String[]::new));
        var document = ManifestDocument.inMemory((ObjectNode) YAML.readTree(yaml), 0);
        for (var version : List.of("1.33", "1.35", "1.36")) {
            assertThat(TestDocs.schemaOnly(version, true).validate(List.of(document)).problems())
                    .as("Kubernetes %s: %s", version, yaml).extracting(Problem::toString).isEmpty();
        }
    }
}
