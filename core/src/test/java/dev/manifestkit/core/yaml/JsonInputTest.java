package dev.manifestkit.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.core.SourceLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Input whose first character other than space is '{' is read as a stream of JSON objects, as
 * kubectl reads it, with a JSON parser: the YAML reader would refuse some valid JSON (long keys,
 * escaped emoji, objects one after another) and accept some that kubectl refuses.
 */
class JsonInputTest {

    private static final ManifestReader READER = ManifestReader.create();

    private static String configMap(String name, String data) {
        return "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"" + name + "\"}, \"data\": "
                + data + "}";
    }

    @Test
    void objectsOneAfterAnotherAreDocumentsAndNullsAreSkipped() {
        var documents = READER.read("  \n" + configMap("a", "{}") + configMap("b", "{}") + "\nnull\n"
                + configMap("c", "{\"k\": \"v\"}"));

        assertThat(documents).extracting(d -> d.name().orElseThrow()).containsExactly("a", "b", "c");
        assertThat(documents).extracting(ManifestDocument::index).containsExactly(0, 1, 2);
    }

    @Test
    void fieldsKeepTheLinesAndColumnsOfTheirKeys() {
        var documents = READER.read("{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"ConfigMap\",\n"
                + "  \"metadata\": {\"name\": \"a\"}\n}\n{\"apiVersion\": \"v1\", \"kind\": \"Pod\",\n \"metadata\": {\"name\": \"p\"}}");

        assertThat(documents.get(0).locationOf("/metadata/name")).contains(new SourceLocation(4, 16));
        assertThat(documents.get(0).locationOf("/kind")).contains(new SourceLocation(3, 3));
        assertThat(documents.get(1).locationOf("/metadata/name")).contains(new SourceLocation(7, 15));
        assertThat(documents.get(1).locationOf("/metadata")).contains(new SourceLocation(7, 2));
    }

    @Test
    void whatAYamlReaderRefusesIsReadAsJson() {
        String longKey = "k".repeat(1100);
        var tree = READER.read(configMap("a", "{\"emoji\": \"\\ud83d\\ude00\", \"" + longKey + "\": \"v\"}"))
                .get(0).tree();

        assertThat(tree.path("data").path("emoji").asString()).isEqualTo("😀");
        assertThat(tree.path("data").path(longKey).asString()).isEqualTo("v");
    }

    @Test
    void numbersAreReadAsKubectlReadsJson() {
        var data = READER.read(configMap("a", "{\"int\": 3, \"long\": 9007199254740993, \"whole\": 1.5e3,"
                + " \"fraction\": 2.5, \"beyondLong\": 9223372036854775808, \"zero\": -0.0, \"tiny\": 1e-400}"))
                .get(0).tree().path("data");

        assertThat(data.path("int").isInt()).isTrue();
        assertThat(data.path("long").longValue()).isEqualTo(9007199254740993L);
        assertThat(data.path("whole").isIntegralNumber()).isTrue();
        assertThat(data.path("whole").intValue()).isEqualTo(1500);
        assertThat(data.path("fraction").doubleValue()).isEqualTo(2.5);
        assertThat(data.path("beyondLong").isDouble()).isTrue();
        assertThat(data.path("zero").intValue()).isZero();
        assertThat(data.path("tiny").intValue()).isZero();
    }

    @Test
    void nullMembersAreAbsentAndNullElementsStay() {
        var tree = READER.read("{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"a\","
                + " \"labels\": null}, \"x\": [1, null]}").get(0).tree();

        assertThat(tree.path("metadata").has("labels")).isFalse();
        assertThat(tree.path("x").size()).isEqualTo(2);
        assertThat(tree.path("x").get(1).isNull()).isTrue();
    }

    @Test
    void aCommentOrAnythingElseFirstMakesTheInputYaml() {
        var documents = READER.read("# a comment\n{apiVersion: v1, kind: ConfigMap, metadata: {name: a}}\n");

        assertThat(documents.get(0).name()).contains("a");
    }

    @Test
    void syntaxKubectlRefusesInJsonIsRefusedWithWhereAndWhy() {
        assertThatThrownBy(() -> READER.read("{apiVersion: v1, kind: ConfigMap}", "flow.yaml"))
                .isInstanceOf(ManifestReadException.class)
                .hasMessageStartingWith("flow.yaml:1:2: invalid JSON (input that starts with '{' is read as JSON,"
                        + " as kubectl reads it): Unexpected character ('a'");
        assertThatThrownBy(() -> READER.read(configMap("a", "{\"k\": \"v\",}")))
                .hasMessageContaining("1:88: invalid JSON");
        assertThatThrownBy(() -> READER.read(configMap("a", "{}") + "\n---\n" + configMap("b", "{}")))
                .hasMessageContaining("<memory>:2:")
                .hasMessageContaining("invalid JSON");
        assertThatThrownBy(() -> READER.read("{\"apiVersion\": \"v1\", \"kind\": \"Pod\""))
                .hasMessageContaining("invalid JSON")
                .hasMessageContaining("Unexpected end-of-input")
                .hasMessageNotContaining("Source:");
    }

    @Test
    void documentsThatAreNotObjectsAreRefusedByNumber() {
        assertThatThrownBy(() -> READER.read(configMap("a", "{}") + " [1]"))
                .hasMessageEndingWith("1:82: document 2 is a list, not a Kubernetes object (a mapping with apiVersion and kind)");
        assertThatThrownBy(() -> READER.read(configMap("a", "{}") + " \"text\""))
                .hasMessageContaining("document 2 is a string");
    }

    @Test
    void duplicateKeysAreRefusedAsTheApiServerRefusesThem() {
        assertThatThrownBy(() -> READER.read("{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\","
                + " \"metadata\": {\"name\": \"a\", \"name\": \"b\"}}"))
                .hasMessage("<memory>:1:69: duplicate key \"name\" (first at 1:56)");
        assertThatThrownBy(() -> READER.read("{\"apiVersion\": \"v1\", \"kind\": null, \"kind\": \"Pod\"}"))
                .hasMessageContaining("duplicate key \"kind\"");
    }

    @Test
    void halfASurrogatePairIsRefusedNotReplaced() {
        assertThatThrownBy(() -> READER.read(configMap("a", "{\"k\": \"x\\udc00\"}")))
                .hasMessageContaining("\\udc00 is half of a UTF-16 surrogate pair, not a character;"
                        + " kubectl would read it as U+FFFD");
        assertThatThrownBy(() -> READER.read(configMap("a", "{\"\\ud800\": \"v\"}")))
                .hasMessageContaining("surrogate pair");
    }

    @Test
    void aNumberBeyondADoubleIsRefused() {
        assertThatThrownBy(() -> READER.read(configMap("a", "{\"k\": 1e400}")))
                .hasMessageEndingWith("1e400 is beyond the range of a 64-bit float; kubectl cannot read it");
        assertThatThrownBy(() -> READER.read(configMap("a", "{\"k\": 1e9999999999}")))
                .isInstanceOf(ManifestReadException.class)
                .hasMessageEndingWith("1e9999999999 is beyond the range of a 64-bit float; kubectl cannot read it");
        assertThat(READER.read(configMap("a", "{\"k\": 1e-9999999999}")).get(0).tree().path("data").path("k").intValue())
                .isZero();
    }

    @Test
    void manyKeysGivenAsNullReadInLinearTime() {
        var keys = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            keys.append(i == 0 ? "" : ",").append("\"k").append(i).append("\": null");
        }
        var tree = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
                () -> READER.read(configMap("a", "{" + keys + "}")).get(0).tree());
        assertThat(tree.path("data").isEmpty()).isTrue();
    }

    @Test
    void theReaderLimitsApplyToJson() {
        var small = ManifestReader.create(ReaderOptions.defaults().withMaxDocumentBytes(200));
        assertThatThrownBy(() -> small.read(configMap("a", "{\"k\": \"" + "v".repeat(300) + "\"}")))
                .hasMessage("<memory>:1:1: document 1 is larger than 200 characters (ReaderOptions.maxDocumentBytes)");
        assertThatThrownBy(() -> small.read(configMap("a", "{}") + configMap("b", "{\"" + "k".repeat(300) + "\": 1}")))
                .hasMessageContaining("document 2 is larger than 200 characters");

        String deep = "[".repeat(150) + "]".repeat(150);
        assertThatThrownBy(() -> READER.read(configMap("a", "{}").replace("\"data\": {}", "\"x\": " + deep)))
                .hasMessageContaining("nesting deeper than 100 levels (ReaderOptions.maxNestingDepth)");

        var two = ManifestReader.create(ReaderOptions.defaults().withMaxDocuments(2));
        assertThatThrownBy(() -> two.read(configMap("a", "{}") + configMap("b", "{}") + configMap("c", "{}")))
                .hasMessageContaining("more than 2 documents (ReaderOptions.maxDocuments)");
    }

    @Test
    void aCallersStreamIsReadOneDocumentAtATimeAndLeftOpen() {
        var closed = new boolean[1];
        InputStream in = new ByteArrayInputStream((configMap("a", "{}") + configMap("b", "{}"))
                .getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        var names = new ArrayList<String>();
        READER.forEach(in, "<stdin>", document -> names.add(document.name().orElseThrow()));

        assertThat(names).containsExactly("a", "b");
        assertThat(closed[0]).isFalse();
    }

    @Test
    void kubectlReadsTheSameValuesFromJson() throws IOException {
        Kubectl.assumeAvailable();
        String input = configMap("a", "{\"emoji\": \"\\ud83d\\ude00\", \"" + "k".repeat(1100) + "\": \"v\","
                + " \"escapes\": \"tab\\t \\\"quoted\\\" \\u00e9 \\/ \\\\\"}") + "\n"
                + configMap("b", "{\"n\": \"x\"}") + " null " + configMap("c", "{}");

        var ours = new ArrayList<JsonNode>();
        for (var document : READER.read(input)) {
            ours.add(document.tree().path("data"));
        }
        var result = Kubectl.run(input, "label", "--local", "-f", "-", "manifestkit-test=read", "-o", "json");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        var theirs = new ArrayList<JsonNode>();
        try (var values = JsonMapper.shared().readValues(JsonMapper.shared().createParser(result.stdout()), JsonNode.class)) {
            values.forEachRemaining(value -> theirs.add(value.path("data")));
        }

        assertThat(ours).isEqualTo(theirs);
    }

    @Test
    void kubectlAndTheReaderRefuseTheSameJson() throws IOException {
        Kubectl.assumeAvailable();
        List<String> refused = List.of(
                "{apiVersion: v1, kind: ConfigMap, metadata: {name: a}}",
                configMap("a", "{\"k\": \"v\",}"),
                configMap("a", "{}") + "\n---\n" + configMap("b", "{}"),
                configMap("a", "{'k': 'v'}"),
                configMap("a", "{\"k\": 01}"),
                configMap("a", "{\"k\": +1}"),
                configMap("a", "{\"k\": NaN}"),
                configMap("a", "{\"k\": 0x10}"),
                configMap("a", "{\"k\": \"v\"} // comment"),
                configMap("a", "{\"k\": \"raw\ttab\"}"),
                configMap("a", "{}") + " [1]",
                configMap("a", "{}") + " 5",
                configMap("a", "{\"k\": 1e400}"),
                "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\"");
        for (String input : refused) {
            var kubectl = Kubectl.run(input, "label", "--local", "-f", "-", "manifestkit-test=read", "-o", "name");
            assertThat(kubectl.exitCode()).as("kubectl on %s", input).isNotZero();
            assertThatThrownBy(() -> READER.read(input)).as(input).isInstanceOf(ManifestReadException.class);
        }
    }
}
