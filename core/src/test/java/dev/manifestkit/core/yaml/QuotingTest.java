package dev.manifestkit.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import dev.manifestkit.core.Manifests;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every string a YAML 1.1 reader (kubectl, the API server, SnakeYAML) or a YAML 1.2 reader
 * (Jackson) could take for something else must survive a write and read back as the same string,
 * both as a value and as a key.
 */
class QuotingTest {

    private static final YAMLMapper JACKSON = YAMLMapper.builder().build();

    static Stream<String> trickyStrings() {
        return Stream.of(
                // YAML 1.1 booleans, every spelling, and odd cases
                "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false", "False",
                "FALSE", "on", "On", "ON", "off", "Off", "OFF", "yEs", "oN",
                // nulls
                "null", "Null", "NULL", "~", "",
                // integers: decimal, octal, 1.2 octal, hex, binary, underscores, sexagesimal, signs
                "0", "123", "-1", "+1", "0755", "0o17", "0x1F", "0X1f", "+0x1F", "0b101", "-0b101", "1_000", "12:30",
                "190:20:30", "-12:30", "007",
                // underscores go-yaml drops wherever they stand after a sign or digit; SnakeYAML's '.' forms
                "+_1", "-_0", "0_x1F", "0b-1", "0b+1", "1_e3", "._5", "._", "+._", ".1_0", "+_.5",
                // floats
                "1e3", "1E3", "1e+3", "1.5", ".5", "+.5", "-1.5", "1.", "1_000.5", "6.8523015e+5", "190:20:30.15",
                ".inf", "-.inf", "+.inf", ".Inf", "-.Inf", ".INF", ".nan", ".NaN", ".NAN",
                // timestamps
                "2024-01-01", "2002-12-14", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5",
                "2001-12-14T21:59:43.10Z",
                // value and merge keys
                "=", "<<",
                // blanks at the ends
                " leading", "trailing ", "\ttab", "tab\t", " ",
                // indicators at the start
                "- dash", "-dash", "-", "? q", "?q", ":colon", ",comma", "[a", "]a", "{a", "}a", "#hash", "&anchor",
                "*alias", "!tag", "|pipe", ">gt", "'single", "\"double", "%percent", "@at", "`backtick",
                // inner indicators
                "a: b", "a #b", "key:", "a:", "---", "...", "--- x", "... x",
                // control and special characters
                "bell\u0007", "nul\u0000x", "nel\u0085x", "ls\u2028x", "bom\uFEFFx", "del\u007Fx", "esc\u001B[0m",
                // YAML 1.1 line breaks in multi-line strings, which must not become literal blocks
                "ls\u2028one\nline two", "nel\u0085\nx", "\u2029\n",
                // line breaks
                "line\nbreak", "multi\nline\n", "\nleading newline", "trailing spaces  \nx", "crlf\r\nx",
                // plain strings that must stay strings
                "nginx:1.27", "500m", "2Gi", "hello world", "a:b", "a#b", "http://example.com/a?b=c#d", "v1.2.3",
                "1.2.3", "1abc", "0xZZ", "ünïcödé", "日本語", "emoji \uD83D\uDE80");
    }

    @ParameterizedTest
    @MethodSource("trickyStrings")
    void valueReadsBackAsTheSameStringWithYaml11AndYaml12(String value) {
        String yaml = configMap(Map.of("key", value));

        Map<String, Object> data = dataOf(new Yaml().load(yaml));
        assertThat(data.get("key")).as("SnakeYAML (YAML 1.1) reading:%n%s", yaml).isEqualTo(value);

        var jackson = JACKSON.readTree(yaml).get("data").get("key");
        assertThat(jackson.isString()).as("Jackson (YAML 1.2) reading:%n%s", yaml).isTrue();
        assertThat(jackson.asString()).isEqualTo(value);
    }

    @ParameterizedTest
    @MethodSource("trickyStrings")
    void keyReadsBackAsTheSameStringWithYaml11AndYaml12(String key) {
        // U+2028 is a line break to YAML 1.1 but printable to the YAML 1.2 emitter, which writes it raw;
        // no Kubernetes key (label, annotation, data) may contain it, so keys are spared that case
        Assumptions.assumeFalse(key.indexOf('\u2028') >= 0);
        String yaml = configMap(Map.of(key, "v"));

        Map<String, Object> data = dataOf(new Yaml().load(yaml));
        assertThat(data.keySet()).as("SnakeYAML (YAML 1.1) reading:%n%s", yaml).containsExactly(key);

        assertThat(JACKSON.readTree(yaml).get("data").propertyNames()).as("Jackson reading:%n%s", yaml)
                .containsExactly(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nginx:1.27", "500m", "2Gi", "hello world", "a:b", "a#b", "app.kubernetes.io/name",
        "v1.2.3", "/var/lib/postgresql/data", "ClusterIP", "RollingUpdate", "postgres:16.4"})
    void ordinaryStringsStayPlain(String value) {
        assertThat(configMap(Map.of("key", value))).contains("  key: " + value + "\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"on", "yes", "0755", "1e3", "12:30", "~", "0x1F", ".NaN", "2024-01-01", "1_000"})
    void numberAndBooleanLikeStringsAreDoubleQuoted(String value) {
        assertThat(configMap(Map.of("key", value))).contains("  key: \"" + value + "\"\n");
    }

    @Test
    void kubectlReadsEveryTrickyValueAsTheSameString() throws IOException {
        Kubectl.assumeAvailable();
        var data = new TreeMap<String, String>();
        var values = trickyStrings().filter(v -> v.codePoints().allMatch(c -> c >= 0x20 || c == '\n' || c == '\t'))
                .toList();
        for (int i = 0; i < values.size(); i++) {
            data.put(String.format("k%03d", i), values.get(i));
        }
        String json = Kubectl.readAsJson(configMap(data));

        var read = JsonMapper.builder().build().readTree(json).get("data");
        for (var entry : data.entrySet()) {
            assertThat(read.get(entry.getKey()).isString()).as("kubectl reading %s", entry.getValue()).isTrue();
            assertThat(read.get(entry.getKey()).asString()).isEqualTo(entry.getValue());
        }
    }

    /** Every string of up to four characters that YAML resolution could take for a number. */
    static List<String> shortNumberLikeStrings() {
        String alphabet = "018+-._xboeE:";
        var strings = new ArrayList<String>(List.of(""));
        for (int from = 0, length = 1; length <= 4; length++) {
            int to = strings.size();
            for (int i = from; i < to; i++) {
                for (char c : alphabet.toCharArray()) {
                    strings.add(strings.get(i) + c);
                }
            }
            from = to;
        }
        return strings;
    }

    @Test
    void everyShortNumberLikeStringReadsBackAsItselfAsValueAndKey() {
        var strings = shortNumberLikeStrings();
        var data = new TreeMap<String, String>();
        for (String string : strings) {
            data.put(string, string);
        }
        String yaml = configMap(data);

        Map<String, Object> snake = dataOf(new Yaml().load(yaml));
        var jackson = JACKSON.readTree(yaml).get("data");
        var ours = ManifestReader.create().read(yaml).get(0).tree().get("data");
        assertThat(snake).as("SnakeYAML (YAML 1.1)").isEqualTo(data);
        assertThat(jackson.propertyNames()).hasSize(strings.size());
        assertThat(ours.propertyNames()).hasSize(strings.size());
        for (String string : strings) {
            assertThat(jackson.get(string).isString() && jackson.get(string).asString().equals(string))
                    .as("Jackson (YAML 1.2) reading %s", string).isTrue();
            assertThat(ours.get(string).isString() && ours.get(string).asString().equals(string))
                    .as("ManifestReader reading %s", string).isTrue();
        }
    }

    @Test
    void kubectlReadsEveryShortNumberLikeStringAsItself() throws IOException {
        Kubectl.assumeAvailable();
        var data = new TreeMap<String, String>();
        for (String string : shortNumberLikeStrings()) {
            data.put(string, string);
        }
        var read = JsonMapper.builder().build().readTree(Kubectl.readAsJson(configMap(data))).get("data");

        assertThat(read.propertyNames()).hasSize(data.size());
        for (String string : data.keySet()) {
            assertThat(read.get(string).isString() && read.get(string).asString().equals(string))
                    .as("kubectl reading %s", string).isTrue();
        }
    }

    @Test
    void multiLineStringsAreLiteralBlocks() {
        assertThat(configMap(Map.of("nginx.conf", "server {\n  listen 80;\n}\n")))
                .contains("  nginx.conf: |\n    server {\n      listen 80;\n    }\n");
        assertThat(configMap(Map.of("script", "echo a\necho b"))).contains("  script: |-\n    echo a\n    echo b\n");
    }

    private static String configMap(Map<String, String> data) {
        var configMap = new ConfigMapBuilder().withNewMetadata().withName("tricky").endMetadata().withData(data)
                .build();
        return Manifests.of(configMap).toYaml();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> dataOf(Object document) {
        return (Map<String, Object>) ((Map<String, Object>) document).get("data");
    }
}
