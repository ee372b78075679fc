package dev.manifestkit.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.core.Manifests;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A randomized differential check of the writer, from the outside: {@link RandomScalars seeded
 * random strings} go where a user puts text (ConfigMap data keys and values, labels, annotations,
 * container args and env values, keys and items of a custom resource's nested maps and lists)
 * through the public API ({@link Manifests#of}, {@link Manifests#toYaml}); the YAML is read back
 * by manifestkit's own reader, SnakeYAML (YAML 1.1), Jackson (YAML 1.2) and, where installed,
 * PyYAML (SafeLoader and BaseLoader, pure and libyaml), kubectl and yq; every reader must get
 * exactly the documents written, every string a string (keys too), every number a number of the
 * same value. Also: writing what was read gives the same bytes, and multi-line text a literal block
 * can hold is written as one.
 */
class WriterDifferentialTest {

    private static final long SEED = 20261126L;

    static final List<String> VALUES = RandomScalars.strings(SEED, 2000);

    private static final Manifests STRINGS = strings(VALUES);

    static final String YAML = STRINGS.toYaml();

    private static final Manifests NUMBERS = Manifests.of(numbers(RandomScalars.numbers(SEED, 3000)));

    private static final String NUMBERS_YAML = NUMBERS.toYaml();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static Manifests strings(List<String> values) {
        var data = new LinkedHashMap<String, String>();
        var keyed = new LinkedHashMap<String, String>();
        var env = new ArrayList<EnvVar>();
        var nested = new ArrayList<Object>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            data.put(key(i), value);
            keyed.put(value, key(i));
            env.add(new EnvVar(String.format("V%04d", i), value, null));
            nested.add(List.of(value, Map.of(value, List.of(value))));
        }
        var config = new ConfigMapBuilder().withNewMetadata().withName("values").endMetadata().withData(data).build();
        var keys = new ConfigMapBuilder().withNewMetadata().withName("keys").endMetadata().withData(keyed).build();
        var pod = new PodBuilder().withNewMetadata().withName("pod").withAnnotations(data).withLabels(data).endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage("app:1").withArgs(values).withEnv(env)
                .endContainer().endSpec().build();
        GenericKubernetesResource custom = new GenericKubernetesResourceBuilder().withApiVersion("example.com/v1")
                .withKind("Hostile").withNewMetadata().withName("nested").endMetadata().build();
        custom.setAdditionalProperty("spec", Map.of("nested", nested, "keys", keyed));
        return Manifests.of(config, keys, pod, custom);
    }

    private static GenericKubernetesResource numbers(List<Number> numbers) {
        var values = new LinkedHashMap<String, Object>();
        for (int i = 0; i < numbers.size(); i++) {
            values.put(key(i), numbers.get(i));
        }
        GenericKubernetesResource custom = new GenericKubernetesResourceBuilder().withApiVersion("example.com/v1")
                .withKind("Numbers").withNewMetadata().withName("numbers").endMetadata().build();
        custom.setAdditionalProperty("spec", Map.of("values", values, "items", numbers));
        return custom;
    }

    // --- readers in the JVM -------------------------------------------------------------------------

    @Test
    void manifestReaderReadsBackExactlyWhatWasWritten() {
        assertReadBack(STRINGS, ours(YAML), "ManifestReader");
        assertReadBack(NUMBERS, ours(NUMBERS_YAML), "ManifestReader");
    }

    @Test
    void snakeYamlReadsBackExactlyWhatWasWritten() {
        assertReadBack(STRINGS, snakeYaml(YAML), "SnakeYAML (YAML 1.1)");
        assertReadBack(NUMBERS, snakeYaml(NUMBERS_YAML), "SnakeYAML (YAML 1.1)");
    }

    @Test
    void jacksonReadsBackExactlyWhatWasWritten() {
        assertReadBack(STRINGS, JacksonYaml.readAll(YAML), "Jackson (YAML 1.2)");
        assertReadBack(NUMBERS, JacksonYaml.readAll(NUMBERS_YAML), "Jackson (YAML 1.2)");
    }

    // --- readers outside, where installed -----------------------------------------------------------

    @Test
    void pyYamlReadsBackExactlyWhatWasWritten() throws IOException {
        YamlReaders.assumePyYaml(false);
        assertReadBack(STRINGS, YamlReaders.pyYaml(YAML, false), "PyYAML SafeLoader");
        assertReadBack(STRINGS, YamlReaders.pyYamlBase(YAML, false), "PyYAML BaseLoader");
        assertReadBack(NUMBERS, YamlReaders.pyYaml(NUMBERS_YAML, false), "PyYAML SafeLoader");
    }

    @Test
    void pyYamlWithLibyamlReadsBackExactlyWhatWasWritten() throws IOException {
        YamlReaders.assumePyYaml(true);
        assertReadBack(STRINGS, YamlReaders.pyYaml(YAML, true), "PyYAML CSafeLoader");
        assertReadBack(STRINGS, YamlReaders.pyYamlBase(YAML, true), "PyYAML CBaseLoader");
        assertReadBack(NUMBERS, YamlReaders.pyYaml(NUMBERS_YAML, true), "PyYAML CSafeLoader");
    }

    @Test
    void kubectlReadsBackExactlyWhatWasWritten() throws IOException {
        Kubectl.assumeAvailable();
        assertReadBack(STRINGS, withoutTestLabel(YamlReaders.kubectl(YAML)), "kubectl");
        assertReadBack(NUMBERS, withoutTestLabel(YamlReaders.kubectl(NUMBERS_YAML)), "kubectl");
    }

    /** yq prints JSON, so it cannot tell a key's type; PyYAML and SnakeYAML do. */
    @Test
    void yqReadsBackExactlyWhatWasWritten() throws IOException {
        YamlReaders.assumeYq();
        assertReadBack(STRINGS, YamlReaders.yq(YAML), "yq");
        assertReadBack(NUMBERS, YamlReaders.yq(NUMBERS_YAML), "yq");
    }

    // --- the text itself ----------------------------------------------------------------------------

    /**
     * Strings, ints, longs and doubles come back as the very bytes. A float, a big integer or a big
     * decimal is read as kubectl reads it, a 64-bit float (beyond 64-bit integers), and written so
     * the next time: that text then stays.
     */
    @Test
    void writingWhatWasReadGivesTheSameBytes() {
        assertThat(rewritten(YAML)).isEqualTo(YAML);
        var exact = RandomScalars.numbers(SEED, 3000).stream()
                .filter(n -> n instanceof Integer || n instanceof Long || n instanceof Double).toList();
        String exactYaml = Manifests.of(numbers(exact)).toYaml();
        assertThat(rewritten(exactYaml)).isEqualTo(exactYaml);
        String once = rewritten(NUMBERS_YAML);
        assertThat(rewritten(once)).isEqualTo(once);
    }

    private static String rewritten(String yaml) {
        return ManifestWriter.toYaml(ManifestReader.create().read(yaml));
    }

    /**
     * Multi-line text is a literal block wherever one can hold it: no other line breaks (CR, U+0085,
     * U+2028, U+2029), control characters or non-characters, which only double quotes can escape;
     * no blank at a line's end, which editors drop; and no tab as the first character (kubectl
     * refuses that block without an indentation indicator, and kustomize writes it again without).
     */
    @Test
    void multiLineTextALiteralBlockCanHoldIsOne() {
        String yaml = Manifests.of(new ConfigMapBuilder().withNewMetadata().withName("values").endMetadata()
                .withData(dataOf(VALUES)).build()).toYaml();
        var notBlocks = new ArrayList<String>();
        int blocks = 0;
        for (int i = 0; i < VALUES.size(); i++) {
            if (literalBlockCanHold(VALUES.get(i))) {
                blocks++;
                if (!yaml.contains("\n  " + key(i) + ": |")) {
                    notBlocks.add(HostileScalars.show(VALUES.get(i)));
                }
            }
        }
        assertThat(blocks).as("multi-line values a block can hold").isGreaterThan(150);
        assertThat(notBlocks).isEmpty();
    }

    private static boolean literalBlockCanHold(String value) {
        if (value.indexOf('\n') < 0 || value.charAt(0) == '\t' || value.endsWith(" ") || value.endsWith("\t")
                || value.contains(" \n") || value.contains("\t\n")) {
            return false;
        }
        return value.codePoints().allMatch(c -> c == '\n' || c == '\t' || c >= 0x20 && c <= 0x7E
                || c >= 0xA0 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000)
                && value.chars().noneMatch(c -> c == 0x2028 || c == 0x2029);
    }

    // --- comparing ----------------------------------------------------------------------------------

    /** The documents read, matched to those written by kind and name, hold the same keys, strings and numbers. */
    private static void assertReadBack(Manifests written, List<JsonNode> read, String reader) {
        var wrong = new ArrayList<String>();
        List<ManifestDocument> documents = written.documents();
        assertThat(read).as("%s: documents", reader).hasSize(documents.size());
        for (ManifestDocument document : documents) {
            String kind = document.kind().orElseThrow();
            String name = document.name().orElseThrow();
            var match = read.stream().filter(each -> each.path("kind").asString("").equals(kind)
                    && each.path("metadata").path("name").asString("").equals(name)).findFirst();
            if (match.isEmpty()) {
                wrong.add(kind + "/" + name + " not read");
            } else {
                compare(kind + "/" + name, document.tree(), match.get(), wrong);
            }
        }
        assertThat(wrong).as("%s reading what manifestkit wrote", reader).isEmpty();
    }

    private static void compare(String path, JsonNode expected, JsonNode read, List<String> wrong) {
        if (wrong.size() >= 20) {
            return;
        }
        if (expected.isObject()) {
            if (!read.isObject()) {
                wrong.add(path + ": a map read as " + shown(read));
                return;
            }
            var names = new HashSet<String>();
            read.propertyNames().forEach(names::add);
            for (String name : expected.propertyNames()) {
                if (names.remove(name)) {
                    compare(path + "." + HostileScalars.show(name), expected.get(name), read.get(name), wrong);
                } else {
                    wrong.add(path + ": key " + HostileScalars.show(name) + " not read");
                }
            }
            names.forEach(name -> wrong.add(path + ": key " + HostileScalars.show(name) + " read, never written"));
        } else if (expected.isArray()) {
            if (!read.isArray() || read.size() != expected.size()) {
                wrong.add(path + ": a list of " + expected.size() + " read as " + shown(read));
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                compare(path + "[" + i + "]", expected.get(i), read.get(i), wrong);
            }
        } else if (expected.isString()) {
            if (!read.isString() || !read.asString().equals(expected.asString())) {
                wrong.add(path + ": " + HostileScalars.show(expected.asString()) + " read as " + shown(read));
            }
        } else if (expected.isNumber()) {
            if (!sameNumber(expected, read)) {
                wrong.add(path + ": " + expected + " (" + expected.numberType() + ") read as " + shown(read));
            }
        } else if (!expected.equals(read)) {
            wrong.add(path + ": " + expected + " read as " + shown(read));
        }
    }

    /**
     * The same 64-bit float (kubectl holds every number as one, beyond 64-bit integers), or the
     * same float for a float. PyYAML's floats come as {@code {"!float": repr}}.
     */
    private static boolean sameNumber(JsonNode expected, JsonNode read) {
        double value;
        if (read.isNumber()) {
            value = read.isBigDecimal() ? read.decimalValue().doubleValue() : read.isBigInteger()
                    ? read.bigIntegerValue().doubleValue() : read.doubleValue();
        } else if (read.isObject() && read.size() == 1 && read.has("!float")) {
            value = Double.parseDouble(read.get("!float").asString());
        } else {
            return false;
        }
        if (expected.isFloat()) {
            return (float) value == expected.floatValue();
        }
        double wanted = expected.isBigDecimal() ? expected.decimalValue().doubleValue() : expected.isBigInteger()
                ? expected.bigIntegerValue().doubleValue() : expected.doubleValue();
        return Double.compare(value, wanted) == 0 || value == 0 && wanted == 0;
    }

    private static String shown(JsonNode read) {
        return read.isString() ? HostileScalars.show(read.asString()) : read.isMissingNode() ? "nothing"
                : read.getNodeType() + " " + HostileScalars.show(read.toString());
    }

    // --- readers --------------------------------------------------------------------------------------

    private static List<JsonNode> ours(String yaml) {
        return ManifestReader.create().read(yaml).stream().map(document -> (JsonNode) document.tree()).toList();
    }

    private static List<JsonNode> snakeYaml(String yaml) {
        var documents = new ArrayList<JsonNode>();
        new Yaml().loadAll(yaml).forEach(document -> documents.add(tree(document)));
        return documents;
    }

    /** SnakeYAML's objects as a tree; a key or value of another type than string, number or boolean is marked as such. */
    private static JsonNode tree(Object value) {
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((k, v) -> object.set(k instanceof String s ? s : "!" + k.getClass().getSimpleName() + " " + k,
                    tree(v)));
            return object;
        }
        if (value instanceof List<?> list) {
            var array = NODES.arrayNode();
            list.forEach(item -> array.add(tree(item)));
            return array;
        }
        if (value instanceof String s) {
            return NODES.stringNode(s);
        }
        if (value instanceof Integer || value instanceof Long) {
            return NODES.numberNode(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return NODES.numberNode(big);
        }
        if (value instanceof Double d) {
            return NODES.numberNode(d);
        }
        if (value instanceof BigDecimal decimal) {
            return NODES.numberNode(decimal);
        }
        return value instanceof Boolean b ? NODES.booleanNode(b) : value == null ? NODES.nullNode()
                : NODES.stringNode("!" + value.getClass().getSimpleName() + " " + value);
    }

    /** kubectl's documents without the label {@link YamlReaders#kubectl} sets to read them. */
    private static List<JsonNode> withoutTestLabel(List<JsonNode> documents) {
        for (JsonNode document : documents) {
            var labels = (ObjectNode) document.path("metadata").path("labels");
            labels.remove("manifestkit-test");
            if (labels.isEmpty()) {
                ((ObjectNode) document.get("metadata")).remove("labels");
            }
        }
        return documents;
    }

    private static Map<String, String> dataOf(List<String> values) {
        var data = new LinkedHashMap<String, String>();
        for (int i = 0; i < values.size(); i++) {
            data.put(key(i), values.get(i));
        }
        return data;
    }

    private static String key(int index) {
        return String.format("k%04d", index);
    }
}
