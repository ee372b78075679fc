package dev.manifestkit.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import dev.manifestkit.core.Manifests;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Seeded random strings made of the characters YAML resolution cares about: whatever the writer
 * emits, every reader (YAML 1.1, YAML 1.2, manifestkit's own, kubectl) reads the same string back.
 */
class QuotingFuzzTest {

    private static final String[] PIECES = {
        "0", "1", "7", "9", "+", "-", ".", ":", "_", "e", "E", "x", "X", "o", "b", "#", " ", "\t", "~", "=", "<<",
        "y", "n", "yes", "no", "on", "off", "true", "False", "null", "NULL", ".inf", ".NaN", "inf", "nan", "'", "\"",
        "[", "]", "{", "}", ",", "&", "*", "!", "|", ">", "%", "@", "`", "?", "\n", "a", "Z", "é", "\u00A0", "\\",
        "2024-01-01", "12:30", "0x", "0b", "0o", "1_000", "---", "...", "T", "Z", "%", "/", "é\n",
    };

    static List<String> randomStrings(long seed, int count) {
        var random = new Random(seed);
        var result = new ArrayList<String>(count);
        for (int i = 0; i < count; i++) {
            var value = new StringBuilder();
            int pieces = random.nextInt(5);
            for (int p = 0; p < pieces; p++) {
                value.append(PIECES[random.nextInt(PIECES.length)]);
            }
            result.add(value.toString());
        }
        return result;
    }

    @Test
    void everyRandomValueReadsBackAsTheSameStringEverywhere() throws IOException {
        var values = randomStrings(20261125L, 3000);
        var data = new TreeMap<String, String>();
        for (int i = 0; i < values.size(); i++) {
            data.put(String.format("k%04d", i), values.get(i));
        }
        String yaml = yaml(data);

        Map<String, Object> snake = dataOf(new Yaml().load(yaml));
        var jackson = YAMLMapper.builder().build().readTree(yaml).get("data");
        var ours = ManifestReader.create().read(yaml).get(0).tree().get("data");
        for (var entry : data.entrySet()) {
            String key = entry.getKey();
            String value = entry.getValue();
            assertThat(snake.get(key)).as("SnakeYAML (YAML 1.1) reading %s", quoted(value)).isEqualTo(value);
            assertThat(jackson.get(key).isString()).as("Jackson (YAML 1.2) reading %s", quoted(value)).isTrue();
            assertThat(jackson.get(key).asString()).as("Jackson (YAML 1.2) reading %s", quoted(value)).isEqualTo(value);
            assertThat(ours.get(key).isString()).as("ManifestReader reading %s", quoted(value)).isTrue();
            assertThat(ours.get(key).asString()).as("ManifestReader reading %s", quoted(value)).isEqualTo(value);
        }
    }

    @Test
    void everyRandomKeyReadsBackAsTheSameString() {
        var keys = randomStrings(42L, 2000).stream().distinct().toList();
        var data = new TreeMap<String, String>();
        keys.forEach(key -> data.put(key, "v"));
        String yaml = yaml(data);

        assertThat(dataOf(new Yaml().load(yaml)).keySet()).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(YAMLMapper.builder().build().readTree(yaml).get("data").propertyNames())
                .containsExactlyInAnyOrderElementsOf(keys);
        assertThat(ManifestReader.create().read(yaml).get(0).tree().get("data").propertyNames())
                .containsExactlyInAnyOrderElementsOf(keys);
    }

    @Test
    void kubectlReadsEveryRandomValueAsTheSameString() throws IOException {
        Kubectl.assumeAvailable();
        var values = randomStrings(7L, 1500);
        var data = new TreeMap<String, String>();
        for (int i = 0; i < values.size(); i++) {
            data.put(String.format("k%04d", i), values.get(i));
        }
        var read = JsonMapper.builder().build().readTree(Kubectl.readAsJson(yaml(data))).get("data");
        for (var entry : data.entrySet()) {
            var value = read.get(entry.getKey());
            assertThat(value).as("kubectl reading %s", quoted(entry.getValue())).isNotNull();
            assertThat(value.isString()).as("kubectl reading %s", quoted(entry.getValue())).isTrue();
            assertThat(value.asString()).as("kubectl reading %s", quoted(entry.getValue())).isEqualTo(entry.getValue());
        }
    }

    private static String yaml(Map<String, String> data) {
        return Manifests.of(new ConfigMapBuilder().withNewMetadata().withName("fuzz").endMetadata().withData(data)
                .build()).toYaml();
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\"", "\\\"")
                + "\"";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> dataOf(Object document) {
        return (Map<String, Object>) ((Map<String, Object>) document).get("data");
    }
}
