package dev.manifestkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code manifestkit validate}: exit codes, error lines, Lists, stdin and large inputs. */
class ValidateCommandTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        var file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static String configMap(String name) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\ndata:\n  key: value\n";
    }

    private static JsonNode json(Run run) {
        return JsonMapper.shared().readTree(run.out());
    }

    @Test
    void exitsZeroWhenThereAreOnlyWarnings() throws IOException {
        write("pod.yaml", """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  containers:
                  - name: web
                    image: nginx:latest
                """);

        var run = Run.of("validate", "-o", "json", dir.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(json(run).get("summary").get("errors").asInt()).isZero();
        assertThat(json(run).get("summary").get("warnings").asInt()).isPositive();
    }

    @Test
    void exitsOneWithOneLinePerErrorNamingFileObjectAndField() throws IOException {
        var file = write("cm.yaml", configMap("settings") + "---\napiVersion: v1\nkind: Service\nmetadata:\n"
                + "  name: web\nspec:\n  ports:\n  - port: sds\n");

        var run = Run.of("validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).containsPattern(java.util.regex.Pattern.quote(file.toString())
                + ":\\d+:\\d+: Service/web: spec\\.ports\\[0\\]\\.port: .*\\[schema");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void nodePortsAreCheckedAgainstTheRangeTheClusterWasStartedWith() throws IOException {
        var file = write("service.yaml", """
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  type: NodePort
                  ports:
                  - port: 80
                    nodePort: 20080
                """);

        var byDefault = Run.of("validate", file.toString());
        var widened = Run.of("validate", "--node-port-range", "20000-32767", file.toString());

        assertThat(byDefault.exitCode()).isEqualTo(1);
        assertThat(byDefault.out()).contains(":9:5: Service/web: spec.ports[0].nodePort: Invalid value: 20080: "
                + "provided port is not in the valid range. The range of valid ports is 30000-32767 [api/node-port-range]");
        assertThat(widened.exitCode()).isZero();
        assertThat(widened.out()).doesNotContain("nodePort");
    }

    @Test
    void aListDumpBeyondTheReadersLimitsIsOneLineNamingTheOptionThatRaisesThem() throws IOException {
        var dump = new StringBuilder("apiVersion: v1\nkind: List\nitems:\n");
        for (int i = 0; i < 3_000; i++) {
            dump.append("- {apiVersion: v1, kind: ConfigMap, metadata: {name: cm-").append(i)
                    .append(", namespace: default}, data: {a: b}}\n");
        }
        var file = Files.writeString(dir.resolve("dump.yaml"), dump);

        var refused = Run.of("validate", "--max-values", "20000", file.toString());
        var raised = Run.of("validate", "--max-values", "100000", file.toString());

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.out()).contains("document 1 has more than 20000 values (raise it with --max-values) [read]");
        assertThat(raised.exitCode()).isZero();
        assertThat(raised.out()).contains("3000 resources: 3000 valid");
    }

    @Test
    void aMissingInputIsExitTwoWithOneLineAndNoReport() {
        var run = Run.of("validate", dir.resolve("nope.yaml").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("manifestkit: cannot read " + dir.resolve("nope.yaml")
                + ": no such file or directory\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void usageErrorsPrintOneLineAndAHint() {
        var run = Run.of("validate", "--outptu", "json", "x.yaml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("""
                manifestkit: unknown option '--outptu'
                Run 'manifestkit validate --help' for usage.
                """);
    }

    @Test
    void aKubernetesVersionWithoutDefinitionsIsAUsageError() throws IOException {
        var file = write("cm.yaml", configMap("settings"));

        var run = Run.of("validate", "--kubernetes-version", "1.12", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("manifestkit: ").contains("1.12")
                .contains("with --schema-location PATH")
                .endsWith("Run 'manifestkit validate --help' for usage.\n");
        assertThat(run.err().lines()).hasSize(2);
    }

    @Test
    void aSchemaLocationThatDoesNotExistIsAnInputError() throws IOException {
        var file = write("cm.yaml", configMap("settings"));

        var run = Run.of("validate", "--schema-location", dir.resolve("defs.json").toString(), file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("manifestkit: cannot read " + dir.resolve("defs.json")
                + ": no such file or directory\n");
    }

    @Test
    void helpAndVersionExitZero() {
        assertThat(Run.of("--help").out()).startsWith("Usage: manifestkit <command>");
        assertThat(Run.of("validate", "--help").out()).contains("--skip-missing-schemas");
        var version = Run.of("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("manifestkit ");
    }

    @Test
    void unexpectedFailuresAreOneLineWithoutStackTraceUnlessDebug() {
        var quiet = new ByteArrayOutputStream();
        var debug = new ByteArrayOutputStream();
        Main.Command failing = () -> {
            throw new IllegalStateException("schema cache corrupted\nsecond line");
        };

        var code = Main.guarded(false, new PrintStream(quiet, true, StandardCharsets.UTF_8), failing);
        Main.guarded(true, new PrintStream(debug, true, StandardCharsets.UTF_8), failing);

        assertThat(code).isEqualTo(2);
        assertThat(quiet.toString(StandardCharsets.UTF_8)).isEqualTo("manifestkit: internal error: "
                + "IllegalStateException: schema cache corrupted (run with --debug for the stack trace)\n");
        assertThat(debug.toString(StandardCharsets.UTF_8)).contains("\tat dev.manifestkit.cli.");
    }

    @Test
    void evenAnErrorOfTheJvmIsOneLine() {
        var err = new ByteArrayOutputStream();

        var code = Main.guarded(false, new PrintStream(err, true, StandardCharsets.UTF_8), () -> {
            throw new StackOverflowError();
        });

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
                "manifestkit: internal error: StackOverflowError (run with --debug for the stack trace)\n");
    }

    @Test
    void missingKindAndApiVersionAreRequiredValuesAndNothingElse() throws IOException {
        write("a.yaml", "metadata:\n  name: x\n");

        var run = Run.of("validate", "-o", "json", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        var resource = json(run).get("resources").get(0);
        assertThat(resource.get("problems")).extracting(p -> p.get("path").asString() + ": " + p.get("message").asString())
                .containsExactlyInAnyOrder(
                        "kind: Required value: every manifest names its kind, such as kind: Deployment",
                        "apiVersion: Required value: every manifest names its API version, such as apiVersion: apps/v1");
    }

    @Test
    void aListIsExpandedIntoItemsEachCountedAsAResource() throws IOException {
        write("list.yaml", """
                apiVersion: v1
                kind: List
                items:
                - {apiVersion: v1, kind: ConfigMap, metadata: {name: one}}
                - {apiVersion: v1, kind: ConfigMap, metadata: {name: Not_Valid}}
                - 42
                """);

        var run = Run.of("validate", "-o", "json", dir.toString());

        var resources = json(run).get("resources");
        assertThat(resources).extracting(r -> r.get("kind").asString() + "/" + r.get("name").asString())
                .containsExactlyInAnyOrder("ConfigMap/one", "ConfigMap/Not_Valid", "List/");
        assertThat(json(run).get("summary").get("resources").asInt()).isEqualTo(3);
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void theTextReportListsAListsItemsInTheOrderOfTheFileInASetAndOneByOne() throws Exception {
        var list = write("list.yaml", """
                apiVersion: v1
                kind: List
                items:
                - {apiVersion: v1, kind: Service, metadata: {name: Zeta}}
                - {apiVersion: v1, kind: ConfigMap, metadata: {name: Beta}}
                - {apiVersion: v1, kind: ConfigMap, metadata: {name: Alpha}}
                """);

        for (var run : List.of(Run.of("validate", list.toString()), Run.validateWithSetLimit(1, "validate", list.toString()))) {
            assertThat(run.out().lines().filter(line -> line.startsWith(list + ":")).map(line -> line.split(" ")[1]))
                    .containsExactly("Service/Zeta:", "ConfigMap/Beta:", "ConfigMap/Alpha:");
        }
    }

    @Test
    void aListWhoseItemsAreNoListIsOneProblemSayingSo() throws IOException {
        write("list.yaml", """
                apiVersion: v1
                kind: List
                items: {apiVersion: v1, kind: ConfigMap, metadata: {name: one}}
                ---
                apiVersion: v1
                kind: List
                """);

        var run = Run.of("validate", dir.toString());

        assertThat(run.out()).isEqualTo(dir.resolve("list.yaml") + ":3:1: List/?: items: Invalid value: "
                + "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"one\"}}: a List's items must be a "
                + "list of objects, not a mapping [input/type-meta]\n"
                + dir.resolve("list.yaml") + ":5:1: List/?: items: Required value: a List holds its objects in items, a list "
                + "[input/type-meta]\n"
                + "2 resources: 0 valid, 2 invalid; 2 errors, 0 warnings\n");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void reportsListUnreadableFilesFirstThenFilesSortedByNameNotInCommandLineOrder() throws IOException {
        var b = write("b.yaml", configMap("B"));
        var a = write("a.yaml", configMap("A"));
        var broken = write("z.yaml", "kind: [");

        var run = Run.withStdin(configMap("S"), "validate", b.toString(), "-", a.toString(), broken.toString());

        assertThat(run.out().lines().map(line -> line.replace(dir + "/", "").split(":")[0]))
                .containsExactly("z.yaml", "a.yaml", "b.yaml", "<stdin>", "3 resources");
    }

    @Test
    void stdinIsReadWhenNamedAsDash() {
        var run = Run.withStdin(configMap("from-stdin"), "validate", "-o", "json", "-");

        assertThat(run.exitCode()).isZero();
        var resource = json(run).get("resources").get(0);
        assertThat(resource.get("file").asString()).isEqualTo("<stdin>");
        assertThat(resource.get("name").asString()).isEqualTo("from-stdin");
    }

    @Test
    void referencesBetweenFilesAreCheckedWhileTheInputFitsTheSetLimit() throws Exception {
        write("a/pod.yaml", """
                apiVersion: v1
                kind: Pod
                metadata: {name: web}
                spec:
                  containers:
                    - name: web
                      image: web:1
                      env:
                        - {name: A, valueFrom: {configMapKeyRef: {name: settings, key: key}}}
                        - {name: B, valueFrom: {configMapKeyRef: {name: settings, key: missing}}}
                """);
        write("b/config.yaml", configMap("settings"));

        var small = Run.validateWithSetLimit(1_000, "validate", dir.toString());
        var large = Run.validateWithSetLimit(10, "validate", dir.toString());

        // the ConfigMap of b/ is found from a/: its key is there, the other is not
        assertThat(small.out().lines().filter(line -> line.contains("[ref/")).toList()).singleElement()
                .asString().contains("Pod/web: spec.containers[0].env[1].valueFrom.configMapKeyRef.key: Not found: "
                        + "\"missing\": ConfigMap \"settings\" has no such key [ref/config-map-key]");
        assertThat(small.err()).isEmpty();
        assertThat(large.out()).doesNotContain("[ref/");
        assertThat(large.err()).isEqualTo("manifestkit: note: the input holds over 10 values: validating resources"
                + " one by one; references between objects are not checked\n");
    }

    @Test
    void beyondTheSetLimitDuplicatesAreStillFound() throws Exception {
        var text = new StringBuilder();
        for (var i = 0; i < 20; i++) {
            text.append(configMap("cm-" + i)).append("---\n");
        }
        text.append(configMap("cm-7"));
        write("big.yaml", text.toString());

        var run = Run.validateWithSetLimit(30, "validate", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("manifestkit: note: the input holds over 30 values");
        assertThat(run.out()).containsOnlyOnce("ConfigMap/cm-7: metadata.name: Duplicate value: \"cm-7\": another "
                + "ConfigMap of this name comes earlier (" + dir.resolve("big.yaml") + ", document 7); "
                + "applying both keeps only the last [ref/duplicate-object]");
        assertThat(run.out().lines().reduce((a, b) -> b).orElseThrow()).startsWith("21 resources: 20 valid, 1 invalid");
    }

    @Test
    void rulesAreSwitchedOffAndRegradedFromTheCommandLine() throws Exception {
        write("pod.yaml", """
                apiVersion: v1
                kind: Pod
                metadata: {name: web}
                spec:
                  containers: [{name: web, image: "nginx:latest"}]
                  volumes: [{name: logs, hostPath: {path: /var/log}}]
                """);

        var all = Run.of("validate", dir.toString());
        var disabled = Run.of("validate", "--disable", "lint/image-tag,lint/host-path", dir.toString());
        var byPrefix = Run.of("validate", "--disable", "lint", dir.toString());
        var regraded = Run.of("validate", "--severity", "lint/image-tag=error", "--disable", "lint/host-path",
                dir.toString());

        assertThat(all.out()).contains("[lint/image-tag, warning]").contains("[lint/host-path, warning]");
        assertThat(all.exitCode()).isZero();
        assertThat(disabled.out()).doesNotContain("[lint/");
        assertThat(byPrefix.out()).doesNotContain("[lint/");
        assertThat(regraded.out()).contains("[lint/image-tag]").doesNotContain("lint/host-path");
        assertThat(regraded.exitCode()).isEqualTo(1);
    }

    @Test
    void anUnknownIdInTheIgnoreAnnotationIsAWarningAtItsLine() throws Exception {
        var file = write("cm.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                  annotations:
                    manifestkit.dev/ignore: "lint/imagetag, api/port-name"
                data:
                  key: value
                """);

        var run = Run.of("validate", file.toString());
        var off = Run.of("validate", "--disable", "lint/ignore-annotation", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(file + ":6:5: ConfigMap/settings: metadata.annotations[manifestkit.dev/ignore]: "
                + "Invalid value: \"lint/imagetag\": names no manifestkit rule, so it ignores nothing; did you mean "
                + "\"lint/image-tag\"? [lint/ignore-annotation, warning]\n");
        assertThat(run.out()).doesNotContain("api/port-name\"");
        assertThat(off.out()).doesNotContain("lint/ignore-annotation");
    }

    @Test
    void anUnknownRuleIdOnTheCommandLineIsAUsageError() {
        var disable = Run.of("validate", "--disable", "lint/hostpath", dir.toString());
        var severity = Run.of("validate", "--severity", "lint/probes=fatal", dir.toString());

        assertThat(disable.exitCode()).isEqualTo(2);
        assertThat(disable.err()).startsWith("manifestkit: --disable: no rule has the id 'lint/hostpath'\n");
        assertThat(severity.exitCode()).isEqualTo(2);
        assertThat(severity.err()).startsWith("manifestkit: --severity: 'lint/probes=fatal' is not ID=LEVEL");
    }

    @Test
    void beyondTheSetLimitADuplicateIsSwitchedOffLikeAnyRule() throws Exception {
        var text = new StringBuilder();
        for (var i = 0; i < 20; i++) {
            text.append(configMap("cm-" + i)).append("---\n");
        }
        text.append(configMap("cm-7").replace("metadata:\n", "metadata:\n  annotations:\n    manifestkit.dev/ignore: ref\n"));
        write("big.yaml", text.toString());

        assertThat(Run.validateWithSetLimit(30, "validate", dir.toString()).out()).doesNotContain("Duplicate value");
        write("big.yaml", text.toString().replace("manifestkit.dev/ignore: ref", "other: x"));
        assertThat(Run.validateWithSetLimit(30, "validate", dir.toString()).out()).contains("Duplicate value");
        assertThat(Run.validateWithSetLimit(30, "validate", "--disable", "ref/duplicate-object", dir.toString()).out())
                .doesNotContain("Duplicate value");
    }

    @Test
    void jsonAndJunitReportsIncludeFilesThatCouldNotBeRead() throws Exception {
        write("a.yaml", "key: [unclosed\n");

        var json = json(Run.of("validate", "-o", "json", dir.toString()));
        var junit = Run.of("validate", "-o", "junit", dir.toString());

        var unreadable = json.get("resources").get(0);
        assertThat(unreadable.get("file").asString()).isEqualTo(dir.resolve("a.yaml").toString());
        assertThat(unreadable.get("valid").asBoolean()).isFalse();
        assertThat(unreadable.get("problems").get(0).get("line").asInt()).isPositive();
        assertThat(junit.exitCode()).isEqualTo(1);
        assertThat(junit.out()).contains("<testcase name=\"" + dir.resolve("a.yaml") + "\"");
        Xml.assertValidJunit(junit.out(), dir);
    }
}
