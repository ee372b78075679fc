package dev.manifestkit.validation.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.validation.Problem;
import dev.manifestkit.validation.Validator;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The schema layer's verdicts on kubeconform's single-document fixtures (multi-document files
 * and Lists are the reader's and the CLI's business). Skipped where the fixtures are absent.
 */
class KubeconformFixturesTest {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Validator STRICT = Validator.builder().rules(List.of()).build();
    private static Path fixtures;

    @BeforeAll
    static void findFixtures() {
        fixtures = Path.of(System.getProperty("manifestkit.schemas", "../../shared/kubernetes-schemas"))
                .resolveSibling("peer-suites/kubeconform/fixtures");
        Assumptions.assumeTrue(Files.isDirectory(fixtures), "kubeconform fixtures not found");
    }

    private static List<String> problems(Validator validator, String fixture) throws IOException {
        var tree = YAML.readTree(Files.readString(fixtures.resolve(fixture)));
        var document = new ManifestDocument((ObjectNode) tree, fixture, 0, java.util.Map.of());
        return validator.validate(List.of(document)).problems().stream().map(Problem::toString).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"valid.yaml", "valid.json", "int_or_string.yaml", "generate_name.yaml", "quantity.yaml",
            "null_array.yaml", "null_string.yaml", "unconventional_keys.yaml", "full_domain_group.yaml",
            "folder/valid.yaml"})
    void validFixturesHaveNoSchemaProblems(String fixture) throws IOException {
        assertThat(problems(STRICT, fixture)).isEmpty();
    }

    @Test
    void invalidReportsTheTypeAndTheUnknownField() throws IOException {
        assertThat(problems(STRICT, "invalid.yaml")).containsExactly(
                "ReplicationController/bob: spec.replicas: Invalid value: \"asd\\\"\": must be of type integer [schema]",
                "ReplicationController/bob: spec.templates: Forbidden: unknown field \"spec.templates\" [schema]");
    }

    @Test
    void extraPropertyIsAnErrorOnlyInStrictMode() throws IOException {
        assertThat(problems(STRICT, "extra_property.yaml")).containsExactly(
                "DaemonSet/nginx-ds: spec.replicas: Forbidden: unknown field \"spec.replicas\" [schema]");
        assertThat(problems(Validator.builder().strict(false).rules(List.of()).build(), "extra_property.yaml")).isEmpty();
    }

    @Test
    void missingKindAndApiVersionSaySo() throws IOException {
        assertThat(problems(STRICT, "missing_kind.yaml")).containsExactly(
                "?/?: apiVersion: Required value: every object names its API group and version, such as apps/v1 [schema]",
                "?/?: kind: Required value: every object names its kind, such as Deployment [schema]");
        assertThat(problems(STRICT, "missing_apiversion.yaml")).singleElement().asString()
                .contains("apiVersion: Required value");
    }
}
