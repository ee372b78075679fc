package dev.manifestkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.manifestkit.core.yaml.HostileScalars;
import dev.manifestkit.core.yaml.Kubectl;
import dev.manifestkit.core.yaml.ManifestReader;
import dev.manifestkit.core.yaml.YamlReaders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code manifestkit fmt} re-emits every {@link HostileScalars hostile string}, written in each
 * scalar style (plain, single- and double-quoted, literal, folded, as SnakeYAML writes them), so
 * that it means what the input meant: the formatted text reads as the input reads to kubectl, to
 * manifestkit's reader and to PyYAML. A plain {@code y} in the input is kubectl's {@code true}, so
 * it is {@code true} after formatting too.
 */
class FmtHostileStringsTest {

    @TempDir
    static Path dir;

    private static String input;
    private static String formatted;

    @BeforeAll
    static void format() throws IOException {
        var values = HostileScalars.encodable();
        var stream = new StringBuilder();
        for (var style : DumperOptions.ScalarStyle.values()) {
            var options = new DumperOptions();
            options.setDefaultScalarStyle(style);
            options.setAllowUnicode(true);
            var map = new LinkedHashMap<String, String>();
            for (int i = 0; i < values.size(); i++) {
                map.put(String.format("k%04d", i), values.get(i));
            }
            var object = Map.of("apiVersion", "example.com/v1", "kind", "Hostile",
                    "metadata", Map.of("name", style.name().toLowerCase(Locale.ROOT)),
                    "spec", Map.of("values", map, "items", values));
            stream.append(stream.isEmpty() ? "" : "---\n").append(new Yaml(options).dump(object));
        }
        input = stream.toString();
        var run = Run.of("fmt", Files.writeString(dir.resolve("styles.yaml"), input).toString());
        assertThat(run.err()).isEmpty();
        formatted = run.out();
    }

    @Test
    void manifestReaderReadsTheFormattedTextAsTheInput() {
        assertThat(read(formatted)).isEqualTo(read(input));
    }

    @Test
    void kubectlReadsTheFormattedTextAsTheInput() throws IOException {
        Kubectl.assumeAvailable();
        assertThat(sorted(YamlReaders.kubectl(formatted))).isEqualTo(sorted(YamlReaders.kubectl(input)));
    }

    /** PyYAML's types are not JSON's: every string must be the same string, every other value no string. */
    @Test
    void pyYamlReadsTheStringsOfTheInputFromTheFormattedText() throws IOException {
        YamlReaders.assumePyYaml(false);
        var expected = sorted(read(input));
        var actual = sorted(YamlReaders.pyYaml(formatted, false));
        var wrong = new ArrayList<String>();
        for (int d = 0; d < expected.size(); d++) {
            compareStrings(expected.get(d), actual.get(d), "/" + d, wrong);
        }
        assertThat(wrong).isEmpty();
    }

    /** A {@code *.json} file stays JSON, now in a form YAML readers take too (kustomize reads it so). */
    @Test
    void formattedJsonReadsBackAsTheSameStringsAsYaml() throws IOException {
        YamlReaders.assumePyYaml(false);
        var values = HostileScalars.encodable().stream().filter(v -> v.length() < 1024).toList();
        var json = Files.writeString(dir.resolve("hostile.json"),
                JsonMapper.builder().build().writeValueAsString(HostileScalars.tree(values)));

        var run = Run.of("fmt", json.toString());

        assertThat(run.out()).startsWith("{");
        assertThat(HostileScalars.misreadings(YamlReaders.pyYaml(run.out(), false).get(0), values)).isEmpty();
    }

    private static List<JsonNode> read(String text) {
        return ManifestReader.create().read(text).stream().map(document -> (JsonNode) document.tree()).toList();
    }

    private static List<JsonNode> sorted(List<JsonNode> documents) {
        return documents.stream().sorted((a, b) -> a.at("/metadata/name").asString("")
                .compareTo(b.at("/metadata/name").asString(""))).toList();
    }

    private static void compareStrings(JsonNode expected, JsonNode actual, String path, List<String> wrong) {
        if (expected.isContainer()) {
            expected.propertyNames().forEach(name -> compareStrings(expected.get(name), actual.path(name),
                    path + "/" + name, wrong));
            for (int i = 0; expected.isArray() && i < expected.size(); i++) {
                compareStrings(expected.get(i), actual.path(i), path + "/" + i, wrong);
            }
        } else if (expected.isString() != actual.isString()
                || expected.isString() && !expected.asString().equals(actual.asString())) {
            wrong.add(path + ": " + expected + " read as " + actual);
        }
    }
}
