package dev.manifestkit.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.core.SourceLocation;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestReaderTest {

    private final ManifestReader reader = ManifestReader.create();

    @TempDir
    Path temp;

    @Test
    void plainScalarsResolveByYaml11RulesLikeKubectl() {
        var tree = single("""
                apiVersion: v1
                kind: Widget
                metadata:
                  name: w
                spec:
                  octal: 0755
                  quotedOctal: "0755"
                  yes: yes
                  onValue: on
                  offValue: OFF
                  shortBool: y
                  hex: 0x1F
                  binary: 0b101
                  underscores: 1_000
                  time: 12:30
                  float: 1.5
                  integralFloat: 1e3
                  tilde: ~
                  date: 2024-01-01
                  string: hello
                """).tree().get("spec");
        assertThat(tree.get("octal").asInt()).isEqualTo(493);
        assertThat(tree.get("quotedOctal").asString()).isEqualTo("0755");
        assertThat(tree.get("true").isBoolean()).isTrue();
        assertThat(tree.get("true").asBoolean()).isTrue();
        assertThat(tree.get("onValue").asBoolean()).isTrue();
        assertThat(tree.get("offValue").isBoolean()).isTrue();
        assertThat(tree.get("offValue").asBoolean()).isFalse();
        assertThat(tree.get("shortBool").asBoolean()).isTrue(); // kubectl (go-yaml v2) reads y as true
        assertThat(tree.get("hex").asInt()).isEqualTo(31);
        assertThat(tree.get("binary").asInt()).isEqualTo(5);
        assertThat(tree.get("underscores").asInt()).isEqualTo(1000);
        assertThat(tree.get("time").asString()).isEqualTo("12:30"); // go-yaml v2 has no base 60
        assertThat(tree.get("float").asDouble()).isEqualTo(1.5);
        assertThat(tree.get("integralFloat").isIntegralNumber()).isTrue();
        assertThat(tree.get("integralFloat").asLong()).isEqualTo(1000L);
        assertThat(tree.has("tilde")).isFalse();
        assertThat(tree.get("date").asString()).isEqualTo("2024-01-01");
        assertThat(tree.get("string").asString()).isEqualTo("hello");
    }

    @Test
    void nonStringKeysBecomeTheirStringForm() {
        var data = single("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: c}
                data:
                  5: five
                  true: yes-key
                  0755: octal
                  "quoted": q
                """).tree().get("data");
        assertThat(data.propertyNames()).containsExactly("5", "true", "493", "quoted");
    }

    @Test
    void nullsCountAsAbsentFields() {
        var tree = single("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  creationTimestamp: null
                  name: c
                data:
                  list: [a, null, b]
                """).tree();
        assertThat(tree.get("metadata").propertyNames()).containsExactly("name");
        assertThat(tree.at("/data/list").toString()).isEqualTo("[\"a\",null,\"b\"]");
    }

    @Test
    void readsMultipleDocumentsSkippingEmptyOnes() {
        var documents = reader.read("""
                ---
                apiVersion: v1
                kind: Namespace
                metadata: {name: a}
                ---
                # only a comment
                ---
                apiVersion: v1
                kind: Namespace
                metadata: {name: b}
                ---
                ---
                """, "all.yaml");
        assertThat(documents).extracting(d -> d.name().orElseThrow()).containsExactly("a", "b");
        assertThat(documents).extracting(ManifestDocument::index).containsExactly(0, 1);
        assertThat(documents).extracting(ManifestDocument::origin).containsOnly("all.yaml");
    }

    @Test
    void emptyAndCommentOnlyInputsHoldNoDocuments() {
        assertThat(reader.read("")).isEmpty();
        assertThat(reader.read("# nothing here\n\n# at all\n")).isEmpty();
        assertThat(reader.read("---\n---\n")).isEmpty();
    }

    @Test
    void readsJsonToo() {
        var document = single("{\"apiVersion\": \"v1\", \"kind\": \"Namespace\", \"metadata\": {\"name\": \"j\"}}");
        assertThat(document.name()).contains("j");
    }

    @Test
    void recordsTheLineAndColumnOfEveryFieldsKeyAndEveryItem() {
        var document = single("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  labels:
                    app.kubernetes.io/name: web
                spec:
                  replicas: 3
                  template:
                    spec:
                      containers:
                      - name: web
                        image: nginx:1.27
                """);
        assertThat(document.locations()).containsEntry("/spec/replicas", new SourceLocation(8, 3))
                .containsEntry("/metadata/labels/app.kubernetes.io~1name", new SourceLocation(6, 5))
                .containsEntry("/spec/template/spec/containers/0/image", new SourceLocation(13, 9))
                .containsEntry("/spec/template/spec/containers/0", new SourceLocation(12, 9));
        assertThat(document.locationOf("/spec/template/spec/containers/0/ports/0"))
                .contains(new SourceLocation(12, 9));
        assertThat(ManifestReader.create(ReaderOptions.defaults().withRecordLocations(false))
                .read("apiVersion: v1\nkind: Namespace\n").get(0).locations()).isEmpty();
    }

    @Test
    void appliesMergeKeysWithExplicitKeysWinning() {
        var data = single("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: c}
                base: &base {a: "1", b: "2"}
                data:
                  <<: *base
                  b: "3"
                """).tree().get("data");
        assertThat(data.toString()).isEqualTo("{\"a\":\"1\",\"b\":\"3\"}");
    }

    static final String BINARY = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: binary
            data:
              text: !!binary aGVsbG8=
              lines: !!binary |
                aGVs
                bG8=
              notUtf8: !!binary /w==
              control: !!binary AA==
            """;

    /** go-yaml decodes {@code !!binary} into a string of its bytes; {@code fmt} must not turn it back into base64 text. */
    @Test
    void binaryScalarsAreTheirDecodedBytesAsKubectlReadsThem() {
        var data = single(BINARY).tree().get("data");
        assertThat(data.get("text").asString()).isEqualTo("hello");
        assertThat(data.get("lines").asString()).isEqualTo("hello");
        assertThat(data.get("notUtf8").asString()).isEqualTo("\uFFFD");
        assertThat(data.get("control").asString()).isEqualTo("\u0000");
    }

    @Test
    void binaryScalarsReadAsKubectlReadsThem() throws IOException {
        Kubectl.assumeAvailable();
        assertThat(single(BINARY).tree().get("data"))
                .isEqualTo(reader.read(Kubectl.readAsJson(BINARY)).get(0).tree().get("data"));
    }

    @Test
    void binaryScalarsThatAreNoBase64AreRefusedAsKubectlRefusesThem() {
        for (String bad : new String[] {"aGVsbG8", "aGVs bG8=", "a!==", "aGVsbG8=aGVsbG8="}) {
            assertThatThrownBy(() -> reader.read("apiVersion: v1\nkind: ConfigMap\ndata:\n  k: !!binary " + bad + "\n",
                    "cm.yaml"))
                    .isInstanceOf(ManifestReadException.class)
                    .hasMessageStartingWith("cm.yaml:4:6: !!binary value contains invalid base64 data");
        }
    }

    @Test
    void documentThatIsNotAMappingIsRefused() {
        assertThatThrownBy(() -> reader.read("apiVersion: v1\nkind: Namespace\n---\n- a\n- b\n", "list.yaml"))
                .isInstanceOf(ManifestReadException.class)
                .hasMessage("list.yaml:4:1: document 2 is a list, not a Kubernetes object (a mapping with apiVersion "
                        + "and kind)");
        assertThatThrownBy(() -> reader.read("just some words"))
                .hasMessage("<memory>:1:1: document 1 is the scalar \"just some words\", not a Kubernetes object "
                        + "(a mapping with apiVersion and kind)");
    }

    @Test
    void malformedYamlIsReportedWithLineAndColumn() {
        assertThatThrownBy(() -> reader.read("apiVersion: v1\nkind: Pod\nmetadata:\n  name: a: b\n", "pod.yaml"))
                .isInstanceOf(ManifestReadException.class)
                .hasMessage("pod.yaml:4:10: mapping values are not allowed here")
                .satisfies(e -> assertThat(((ManifestReadException) e).location()).contains(new SourceLocation(4, 10)));
        assertThatThrownBy(() -> reader.read("a: [1, 2\nb: c\n"))
                .hasMessageStartingWith("<memory>:2:2: ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void typedReadingGivesFabric8ClassesAndGenericForOtherKinds() {
        var objects = reader.readObjects("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec: {replicas: 2}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: c}
                data: {mode: "on"}
                ---
                apiVersion: example.com/v1
                kind: Widget
                metadata: {name: w}
                spec: {size: 3}
                """);
        assertThat(objects).hasSize(3);
        assertThat(objects.get(0)).isInstanceOfSatisfying(Deployment.class,
                d -> assertThat(d.getSpec().getReplicas()).isEqualTo(2));
        assertThat(objects.get(1)).isInstanceOfSatisfying(ConfigMap.class,
                c -> assertThat(c.getData()).containsEntry("mode", "on"));
        assertThat(objects.get(2)).isInstanceOf(GenericKubernetesResource.class);
    }

    @Test
    void typedReadingPointsAtAFieldThatDoesNotFit() {
        assertThatThrownBy(() -> reader.readObjects("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  replicas: three
                """))
                .isInstanceOf(ManifestReadException.class)
                .hasMessageStartingWith("<memory>:5:3: Deployment/web: spec.replicas: ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void readsFilesAndStreamsWithoutClosingCallerStreams() throws IOException {
        Path file = temp.resolve("ns.yaml");
        Files.writeString(file, "\uFEFFapiVersion: v1\nkind: Namespace\nmetadata: {name: bom}\n");
        assertThat(reader.read(file)).singleElement().satisfies(d -> {
            assertThat(d.name()).contains("bom");
            assertThat(d.origin()).isEqualTo(file.toString());
        });

        var closed = new boolean[1];
        var in = new ByteArrayInputStream("apiVersion: v1\nkind: Namespace\n".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        assertThat(reader.read(in, "<stdin>")).hasSize(1);
        assertThat(closed[0]).isFalse();

        var seen = new ArrayList<String>();
        reader.forEach(file, d -> seen.add(d.name().orElseThrow()));
        assertThat(seen).containsExactly("bom");
        try (var stream = reader.stream(file)) {
            assertThat(stream.map(d -> d.kind().orElseThrow())).containsExactly("Namespace");
        }
    }

    @Test
    void windowsLineEndingsKeepLinesAndColumnsRight() {
        var document = single("apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: c\r\ndata:\r\n  k: v\r\n");
        assertThat(document.locations()).containsEntry("/data/k", new SourceLocation(6, 3));
        assertThat(document.tree().at("/data/k").asString()).isEqualTo("v");
    }

    @Test
    void charactersOutsideTheBasicPlaneSurviveBufferBoundaries() {
        for (int padding = 8180; padding < 8200; padding++) {
            String value = "x".repeat(padding) + "\uD83D\uDE80 rocket \u00E9";
            var document = single("apiVersion: v1\nkind: ConfigMap\ndata:\n  k: \"" + value + "\"\n");
            assertThat(document.tree().at("/data/k").asString()).isEqualTo(value);
        }
    }

    @Test
    void documentsReadTogetherShareTheirKeysButNotTheirValues() {
        var documents = reader.read("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: a}
                data: {mode: fast}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: b}
                data: {mode: fast}
                """);
        var first = documents.get(0).tree();
        var second = documents.get(1).tree();

        assertThat(second.propertyNames().iterator().next()).isSameAs(first.propertyNames().iterator().next());
        assertThat(second.at("/data/mode")).isEqualTo(first.at("/data/mode")).isNotSameAs(first.at("/data/mode"));
        assertThat(documents.get(1).locations()).containsEntry("/data/mode", new SourceLocation(9, 8))
                .containsEntry("/metadata/name", new SourceLocation(8, 12));
    }

    private ManifestDocument single(String yaml) {
        var documents = reader.read(yaml);
        assertThat(documents).hasSize(1);
        return documents.get(0);
    }
}
