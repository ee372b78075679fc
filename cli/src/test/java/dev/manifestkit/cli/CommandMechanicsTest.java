package dev.manifestkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.json.JsonMapper;

/**
 * The command line's own behaviour (exit codes, streaming, error lines) over a backend with
 * predictable verdicts; the real validator's verdicts are tested in {@link KubeconformFixturesTest}.
 */
class CommandMechanicsTest {

    @TempDir
    Path dir;

    private final FakeBackend backend = new FakeBackend();

    private Path write(String name, String text) throws IOException {
        var file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private static String object(String kind, String name) {
        return "apiVersion: v1\nkind: " + kind + "\nmetadata:\n  name: " + name + "\n";
    }

    @Test
    void exitsZeroWhenThereAreOnlyWarnings() throws IOException {
        write("a.yaml", object("ConfigMap", "warn-me"));

        var run = Run.with(backend, "validate", dir.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("warning: ConfigMap/warn-me: metadata.name: Advice:")
                .endsWith("Summary: 1 resource in 1 file: 1 valid, 0 invalid; 0 errors, 1 warning\n");
    }

    @Test
    void exitsOneWhenAnyResourceHasAnError() throws IOException {
        write("a.yaml", object("ConfigMap", "good") + "---\n" + object("ConfigMap", "bad-one"));

        var run = Run.with(backend, "validate", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains(dir.resolve("a.yaml") + ":4:9: error: ConfigMap/bad-one: metadata.name: "
                + "Invalid value: \"bad-one\": must not start with bad [fake/name]");
    }

    @Test
    void exitsTwoForAMissingInputWithOneLineAndNoReport() {
        var run = Run.with(backend, "validate", dir.resolve("nope.yaml").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("manifestkit: cannot read " + dir.resolve("nope.yaml")
                + ": no such file or directory\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void usageErrorsPrintOneLineAndAHint() {
        var run = Run.with(backend, "validate", "--outptu", "json", "x.yaml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("""
                manifestkit: unknown option '--outptu'
                Run 'manifestkit validate --help' for usage.
                """);
    }

    @Test
    void optionsTheBackendRejectsAreUsageErrors() throws IOException {
        write("a.yaml", object("ConfigMap", "good"));

        var run = Run.with(backend, "validate", "--kubernetes-version", "2.0", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("manifestkit: unknown Kubernetes version '2.0'\n");
    }

    @Test
    void helpAndVersionExitZero() {
        assertThat(Run.with(backend, "--help").out()).startsWith("Usage: manifestkit <command>");
        assertThat(Run.with(backend, "validate", "--help").out()).contains("--skip-missing-schemas");
        var version = Run.with(backend, "--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("manifestkit ");
    }

    @Test
    void unexpectedFailuresAreOneLineWithoutStackTraceUnlessDebug() throws IOException {
        write("a.yaml", object("ConfigMap", "good"));
        var failing = new FakeBackend() {
            @Override
            public Checker checker(ValidateOptions options) {
                throw new IllegalStateException("schema cache corrupted\nsecond line");
            }
        };

        var quiet = Run.with(failing, "validate", dir.toString());
        var debug = Run.with(failing, "validate", "--debug", dir.toString());

        assertThat(quiet.exitCode()).isEqualTo(2);
        assertThat(quiet.err()).isEqualTo("manifestkit: internal error: IllegalStateException: schema cache corrupted"
                + " (run with --debug for the stack trace)\n");
        assertThat(debug.err()).contains("\tat dev.manifestkit.cli.");
    }

    @Test
    void aFileThatCannotBeReadIsOneLineAndTheOtherFilesAreStillValidated() throws IOException {
        write("a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \"unclosed\n");
        write("b.yaml", object("ConfigMap", "bad-b"));

        var run = Run.with(backend, "validate", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out().lines()).hasSize(3);
        assertThat(run.out()).contains(dir.resolve("a.yaml") + ":5:1: error: found unexpected end of stream [input/yaml]")
                .contains("ConfigMap/bad-b");
        assertThat(run.all()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void missingKindAndApiVersionAreRequiredValuesAndAreNotValidated() throws IOException {
        write("a.yaml", "metadata:\n  name: x\n");

        var run = Run.with(backend, "validate", "-o", "json", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        var resource = JsonMapper.shared().readTree(run.out()).get("resources").get(0);
        assertThat(resource.get("problems")).extracting(p -> p.get("path").asString() + ": " + p.get("message").asString())
                .containsExactly(
                        "kind: Required value: every manifest names its kind, such as kind: Deployment",
                        "apiVersion: Required value: every manifest names its API version, such as apiVersion: apps/v1");
    }

    @Test
    void aListIsExpandedIntoItsItemsEachCountedAsAResource() throws IOException {
        write("list.yaml", """
                apiVersion: v1
                kind: List
                items:
                - {apiVersion: v1, kind: ConfigMap, metadata: {name: one}}
                - {apiVersion: v1, kind: ConfigMap, metadata: {name: bad-two}}
                - 42
                """);

        var run = Run.with(backend, "validate", "-o", "json", dir.toString());

        var json = JsonMapper.shared().readTree(run.out());
        assertThat(json.get("resources")).extracting(r -> r.get("name").isNull() ? null : r.get("name").asString())
                .containsExactly("one", "bad-two", null);
        assertThat(json.get("resources").get(2).get("problems").get(0).get("path").asString()).isEqualTo("items[2]");
        assertThat(json.get("summary").get("resources").asInt()).isEqualTo(3);
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void stdinIsReadWhenNamedAsDash() {
        var run = Run.run(backend, object("ConfigMap", "bad-stdin"), "validate", "-");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith("<stdin>:4:9: error: ConfigMap/bad-stdin");
    }

    @Test
    void upToTheSetLimitResourcesAreValidatedTogetherAsOneSet() throws IOException {
        write("a.yaml", object("ConfigMap", "one"));
        write("b/b.yaml", object("ConfigMap", "two") + "---\n" + object("Secret", "three"));

        var run = Run.with(backend, "validate", dir.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(backend.setSizes).containsExactly(3);
        assertThat(backend.aloneCalls).isZero();
    }

    @Test
    void beyondTheSetLimitResourcesAreValidatedOneByOneAndDuplicatesAreStillFound() throws IOException {
        var text = new StringBuilder();
        for (var i = 0; i <= ValidateCommand.SET_LIMIT; i++) {
            text.append(object("ConfigMap", "cm-" + i)).append("---\n");
        }
        text.append(object("ConfigMap", "cm-7"));
        write("big.yaml", text.toString());

        var run = Run.with(backend, "validate", dir.toString());

        assertThat(backend.setSizes).isEmpty();
        assertThat(backend.aloneCalls).isEqualTo(ValidateCommand.SET_LIMIT + 2);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("validating them one by one; references between objects are not checked");
        assertThat(run.out()).contains("error: ConfigMap/cm-7: metadata.name: Duplicate value: \"cm-7\": another ConfigMap"
                + " with this namespace and name comes earlier in the input [input/duplicate-object]");
        assertThat(run.out()).endsWith("Summary: 2002 resources in 1 file: 2001 valid, 1 invalid; 1 error, 0 warnings\n");
    }

    @Test
    void jsonAndJunitReportsIncludeFilesThatCouldNotBeRead() throws Exception {
        write("a.yaml", "key: [unclosed\n");

        var json = JsonMapper.shared().readTree(Run.with(backend, "validate", "-o", "json", dir.toString()).out());
        var junit = Run.with(backend, "validate", "-o", "junit", dir.toString());

        assertThat(json.get("resources").get(0).get("valid").asBoolean()).isFalse();
        assertThat(json.get("resources").get(0).get("problems").get(0).get("rule").asString()).isEqualTo("input/yaml");
        assertThat(junit.exitCode()).isEqualTo(1);
        assertThat(junit.out()).contains("<failure type=\"input/yaml\"");
        Xml.assertValidJunit(junit.out(), dir);
    }
}
