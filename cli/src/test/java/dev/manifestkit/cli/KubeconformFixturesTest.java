package dev.manifestkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * kubeconform's public fixtures through {@code manifestkit validate}, with the verdicts of the
 * table in {@code shared/peer-suites/kubeconform/README.md}: exit code and resource count.
 */
class KubeconformFixturesTest {

    @TempDir
    Path dir;

    /** fixture, extra options, exit code, resources counted (-1: not specified). */
    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of("valid.yaml", List.of(), 0, 1),
                Arguments.of("valid.json", List.of(), 0, 1),
                Arguments.of("folder", List.of(), 0, 7),
                Arguments.of("int_or_string.yaml", List.of(), 0, 1),
                Arguments.of("generate_name.yaml", List.of(), 0, 1),
                Arguments.of("quantity.yaml", List.of(), 0, 1),
                Arguments.of("null_array.yaml", List.of(), 0, 1),
                Arguments.of("null_string.yaml", List.of(), 0, 1),
                Arguments.of("multi_valid.yaml", List.of(), 0, 6),
                Arguments.of("unconventional_keys.yaml", List.of(), 0, 1),
                Arguments.of("full_domain_group.yaml", List.of(), 0, 1),
                Arguments.of("list_valid.yaml", List.of(), 0, 6),
                Arguments.of("list_empty_valid.yaml", List.of(), 0, 0),
                Arguments.of("multi_with_list.yaml", List.of(), 0, 2),
                Arguments.of("blank.yaml", List.of(), 0, 0),
                Arguments.of("comment.yaml", List.of(), 0, 0),
                Arguments.of("invalid.yaml", List.of(), 1, 1),
                Arguments.of("multi_invalid.yaml", List.of(), 1, 6),
                Arguments.of("list_invalid.yaml", List.of(), 1, 2),
                Arguments.of("missing_kind.yaml", List.of(), 1, -1),
                Arguments.of("missing_kind_value.yaml", List.of(), 1, -1),
                Arguments.of("missing_apiversion.yaml", List.of(), 1, -1),
                Arguments.of("extra_property.yaml", List.of(), 1, 1),
                Arguments.of("extra_property.yaml", List.of("--no-strict"), 1, 1),
                Arguments.of("duplicate_property.yaml", List.of(), 1, -1),
                Arguments.of("duplicate_property.yaml", List.of("--no-strict"), 1, -1),
                Arguments.of("duplicates.yaml", List.of(), 1, 2),
                Arguments.of("same-kind-different-api.yaml", List.of(), 1, 2));
    }

    private static JsonNode json(String fixture, List<String> options, int expectedExit) {
        var args = new ArrayList<String>(List.of("validate", "-o", "json"));
        args.addAll(options);
        args.add(Fixtures.kubeconform().resolve(fixture).toString());
        var run = Run.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as("exit code of %s %s; stdout:%n%s%nstderr:%n%s", fixture, options, run.out(),
                run.err()).isEqualTo(expectedExit);
        assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
        return JsonMapper.shared().readTree(run.out());
    }

    @ParameterizedTest(name = "{0} {1} exits {2} with {3} resources")
    @MethodSource("table")
    void eachFixtureGetsTheTablesExitCodeAndResourceCount(String fixture, List<String> options, int exit, int resources) {
        var report = json(fixture, options, exit);

        if (resources >= 0) {
            assertThat(report.get("summary").get("resources").asInt()).as("resources of %s", fixture)
                    .isEqualTo(resources);
        }
        assertThat(report.get("summary").get("errors").asInt() > 0).isEqualTo(exit == 1);
    }

    private static List<String> messages(JsonNode report) {
        var messages = new ArrayList<String>();
        for (var resource : report.get("resources")) {
            for (var problem : resource.get("problems")) {
                messages.add(problem.get("path").asString() + ": " + problem.get("message").asString());
            }
        }
        return messages;
    }

    @Test
    void missingKindIsNamedInTheMessage() {
        assertThat(messages(json("missing_kind.yaml", List.of(), 1))).anyMatch(m -> m.startsWith("kind: Required value"));
        assertThat(messages(json("missing_kind_value.yaml", List.of(), 1)))
                .anyMatch(m -> m.startsWith("kind: Required value"));
    }

    @Test
    void missingApiVersionIsNamedInTheMessage() {
        assertThat(messages(json("missing_apiversion.yaml", List.of(), 1)))
                .anyMatch(m -> m.startsWith("apiVersion: Required value"));
    }

    @Test
    void aDuplicatedKeyIsNamedInOneLine() {
        var run = Run.of("validate", Fixtures.kubeconform().resolve("duplicate_property.yaml").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("containers");
        assertThat(run.out().lines().filter(l -> l.contains("containers"))).hasSize(1);
    }

    @Test
    void extraPropertyIsAnErrorOnlyInStrictMode() {
        assertThat(messages(json("extra_property.yaml", List.of(), 1))).anyMatch(m -> m.contains("replicas"));
        // the selector still does not match the template's labels, so the file stays invalid
        assertThat(messages(json("extra_property.yaml", List.of("--no-strict"), 1)))
                .noneMatch(m -> m.contains("replicas"));
    }

    @Test
    void anApiVersionMissingFromTheSchemasPassesOnlyWhenSkippedAndNothingElseIsWrong() {
        var strict = json("same-kind-different-api.yaml", List.of(), 1);
        assertThat(messages(strict)).anyMatch(m -> m.contains("apps/v1beta1"));

        var run = Run.of("validate", "-o", "json", "--skip-missing-schemas",
                Fixtures.kubeconform().resolve("same-kind-different-api.yaml").toString());
        var skipped = JsonMapper.shared().readTree(run.out());
        assertThat(messages(skipped)).noneMatch(m -> m.contains("apps/v1beta1"));
        assertThat(run.exitCode()).isEqualTo(skipped.get("summary").get("errors").asInt() > 0 ? 1 : 0);
    }

    @Test
    void junitReportOfTheWholeFixtureDirectoryValidatesAgainstKubeconformsSchema() throws Exception {
        var run = Run.of("validate", "-o", "junit", Fixtures.kubeconform().toString());

        assertThat(run.exitCode()).isEqualTo(1);
        Xml.assertValidJunit(run.out(), dir);
    }
}
