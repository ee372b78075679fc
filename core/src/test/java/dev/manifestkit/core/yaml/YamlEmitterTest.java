package dev.manifestkit.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.core.tree.Trees;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@link YamlEmitter} against its oracle, Jackson's YAML generator with ManifestWriter's settings
 * ({@link ManifestWriter#jacksonYaml}): the same text for every tree, and the emitter (not the
 * Jackson fallback) writes every tree but those with keys YAML writes as {@code ? key}.
 */
class YamlEmitterTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Characters that steer the emitter's and the quoting checker's decisions. */
    private static final String ALPHABET = "ab0 1 \t\n\n\r:#-?'\"\\,[]{}!&*|>%@`.~=<+_eExXyYnN"
            + "\u0000\u0007\u001b\u007f\u0085\u00a0\u00e9\u2028\u2029\ufeff\ufffe\ud83d\ude00\ud800\udc00";

    private static final List<String> TRICKY = List.of(
            "", " ", "  ", "a", "yes", "No", "ON", "off", "y", "n", "~", "null", "Null", "true", "FALSE", "=", "<<",
            "0", "-1", "+1", "1.5", ".5", "1e3", "0x1F", "0o17", "0755", "1_000", "12:30", ".inf", "-.Inf", ".NaN",
            "2024-01-01", "2001-12-14t21:59:43.10-05:00", "---", "--- a", "...", "a...", "- a", "-a", "? a", "?a",
            ": a", ":a", "a:", "a: b", "a:b", "a #b", "a#b", "#a", "a ", " a", "a\tb", "\ta", "a,b", "[a]", "{a}",
            "!a", "&a", "*a", "|a", ">a", "'a", "\"a", "%a", "@a", "`a", "a'b", "it's", "a\"b", "back\\slash",
            "line\nbreak", "line\n", "line\n\n", "\nline", " line\nx", "\n", "\n\n", "a\n b", "a \nb", "a\n\nb",
            "a\n  \nb", "trailing \nline", "tab\tin\nliteral", "cr\r\nlf", "x\u0085y", "x\u2028y", "x\u2029y",
            "\ufeffbom", "nbsp\u00a0x", "caf\u00e9", "emoji \ud83d\ude00", "lone \ud83d x", "lone \ude00",
            "\ud83d", "x\ud83d", "\u0000", "bell\u0007", "esc\u001b", "del\u007f", "c1\u0090", "\ufffe", "\uffff",
            "http://example.com/a?b=c#d", "key=value", "--flag=1", "-Xmx256m", "postgres://u:p@h:5432/db",
            "${VAR}", "$(VAR)", "a: b\nc: d\n", "#!/bin/sh\necho hi\n", "x".repeat(200), "a b".repeat(60));

    @Test
    void writesTrickyStringsAsValuesKeysAndItemsLikeJackson() {
        for (String value : TRICKY) {
            assertSameAsJackson(valueTree(value));
            assertSameAsJackson(keyTree(value));
        }
    }

    @Test
    void writesRandomStringsLikeJackson() {
        var random = new Random(20251125L);
        int emitted = 0;
        int total = 20_000;
        for (int i = 0; i < total; i++) {
            var text = new StringBuilder();
            int length = random.nextInt(10);
            for (int j = 0; j < length; j++) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            assertSameAsJackson(valueTree(text.toString()));
            emitted += assertSameAsJackson(keyTree(text.toString())) ? 1 : 0;
        }
        assertThat(emitted).as("trees the emitter wrote itself").isGreaterThan(total * 7 / 10);
    }

    @Test
    void writesNumbersBooleansAndNullsLikeJackson() {
        ObjectNode tree = NODES.objectNode();
        // numbers in exponent form are not Jackson's text: see writesExponentsAsYaml11Floats
        tree.put("int", 42).put("negative", -7).put("long", 1L << 40).put("minLong", Long.MIN_VALUE)
                .put("short", (short) 3).put("double", 1.5).put("smallish", 0.001)
                .put("wholeDouble", 2.0).put("nan", Double.NaN).put("inf", Double.POSITIVE_INFINITY)
                .put("minusInf", Double.NEGATIVE_INFINITY).put("float", 0.1f).put("floatNan", Float.NaN)
                .put("bigInteger", new BigInteger("123456789012345678901234567890"))
                .put("decimal", new BigDecimal("1.50")).put("yes", true).put("no", false).putNull("nothing");
        tree.putArray("list").add(1).add(2.5).add(true).addNull().add(new BigDecimal("-0.0"));
        assertSameAsJackson(List.of(tree));
    }

    @Test
    void writesExponentsAsYaml11Floats() {
        // Java writes 1.0E20 and 1E+3; YAML 1.1 (its spec, PyYAML) wants a '.' and a signed exponent
        ObjectNode tree = NODES.objectNode();
        tree.put("big", 1e20).put("small", 1.0E-5).put("mid", 12345678.5).put("negative", -2.5e-7)
                .put("float", 1e10f).put("scientific", new BigDecimal("1E+3")).put("tiny", new BigDecimal("0.0000001"))
                .put("decimal", new BigDecimal("1.5E+10"));

        assertThat(emitted(List.of(tree))).isEqualTo("""
                big: 1.0E+20
                small: 1.0E-5
                mid: 1.23456785E+7
                negative: -2.5E-7
                float: 1.0E+10
                scientific: 1.0E+3
                tiny: 1.0E-7
                decimal: 1.5E+10
                """);
        Map<String, Object> yaml11 = new Yaml().load(emitted(List.of(tree)));
        assertThat(yaml11.values()).allSatisfy(value -> assertThat(value).isInstanceOf(Double.class));
        assertThat(yaml11.get("big")).isEqualTo(1e20);
        assertThat(YAMLMapper.builder().build().readTree(emitted(List.of(tree))).get("tiny").doubleValue())
                .isEqualTo(1e-7);
    }

    @Test
    void writesEmptyAndNestedCollectionsLikeJackson() {
        ObjectNode tree = NODES.objectNode();
        tree.putObject("emptyMap");
        tree.putArray("emptyList");
        ArrayNode list = tree.putArray("list");
        list.addObject();
        list.addArray();
        list.addArray().add("a").addArray().add("b").add("c\nd");
        list.addObject().put("k", "v").putObject("inner").putArray("deep").addObject().put("x", "line\nbreak\n");
        list.addArray().addObject().put("a", 1).put("b", " lead\nx");
        tree.putObject("map").putObject("of").putArray("lists").addArray().addArray().add(" x\n");
        assertSameAsJackson(List.of(tree, NODES.objectNode(), tree, NODES.objectNode()));
        assertSameAsJackson(List.of(NODES.objectNode(), tree));
    }

    @Test
    void writesKeysThatCannotBeSimpleAfterAQuestionMarkLikeJackson() {
        for (String key : List.of("", "multi\nline", "k".repeat(128), "\n", "- x\ny: z")) {
            ObjectNode tree = NODES.objectNode();
            tree.put(key, "value");
            tree.putObject("map").put(key, "line\nbreak").putObject(key).put("a", 1).put(key, 2);
            tree.putObject("lists").putArray(key).add("x").addObject().put(key, "y").put("b", 3);
            tree.putArray("items").addObject().put(key, 1).putArray(key + "2").addArray().add("z");
            assertThat(assertSameAsJackson(List.of(tree))).as("emitter writes %s", key).isTrue();
        }
        ObjectNode longest = NODES.objectNode();
        longest.put("k".repeat(127), "value");
        assertThat(emitted(List.of(longest))).startsWith("k".repeat(127) + ": value");
        ObjectNode tooLong = NODES.objectNode();
        tooLong.put("k".repeat(128), "value");
        assertThat(emitted(List.of(tooLong))).isEqualTo("? " + "k".repeat(128) + "\n: value\n");
    }

    @Test
    void escapesALoneSurrogateAloneWhereJacksonPairsItWithTheNextCharacter() {
        ObjectNode tree = NODES.objectNode();
        tree.put("lone", "a\uD800\u0085b").put("end", "z\uD83D").put("pair", "\uD83D\uDE00");

        assertThat(emitted(List.of(tree))).isEqualTo("lone: \"a\\ud800\\Nb\"\nend: \"z\\ud83d\"\npair: \uD83D\uDE00\n");
        assertReadsBackByYaml11AndYaml12(List.of(tree), emitted(List.of(tree)));
    }

    @Test
    void writesYaml11LineBreaksEscapedWhereJacksonWritesThemRaw() {
        // U+0085, U+2028 and U+2029 are printable to the YAML 1.2 emitter and line breaks to YAML 1.1
        ObjectNode tree = NODES.objectNode();
        tree.put("ls", "a\u2028b").put("ps\u2029key", "p").put("script", "line\u2028one\nline\u0085two\n");
        tree.putArray("items").add("x\u2029\ny");

        assertThat(emitted(List.of(tree))).isEqualTo("""
                ls: "a\\u2028b"
                "ps\\u2029key": p
                script: "line\\u2028one\\nline\\Ntwo\\n"
                items:
                - "x\\u2029\\ny"
                """);
        assertReadsBackByYaml11AndYaml12(List.of(tree), emitted(List.of(tree)));
    }

    /**
     * Found by WriterDifferentialTest: snakeyaml-engine counts a tab among the characters that veto
     * a literal block, so a tab-indented config file, a Makefile or a TSV in a ConfigMap became one
     * double-quoted line. Every reader takes a tab in a block's text as text. A tab before a line
     * break or at the end still means double quotes, as a space there does, and so does a tab as
     * the first character: go-yaml (kubectl) and libyaml refuse such a block without an
     * indentation indicator ("found a tab character where an indentation space is expected"), and
     * kustomize writes it again without one.
     */
    @Test
    void writesTabsInMultiLineTextAsLiteralBlocks() {
        ObjectNode tree = NODES.objectNode();
        tree.put("makefile", "all:\n\tcc -o app main.c\n").put("tsv", "a\tb\n1\t2").put("first", "\tindented\nnext\n");
        tree.putArray("items").add(" \tx\ny").addArray().add("x\n\ty");
        tree.putObject("trailing").put("tab", "a\t\nb").put("end", "a\nb\t").put("only", "\t\n");

        String yaml = emitted(List.of(tree));

        assertThat(yaml).isEqualTo("""
                makefile: |
                  all:
                  \tcc -o app main.c
                tsv: |-
                  a\tb
                  1\t2
                first: "\\tindented\\nnext\\n"
                items:
                - |2-
                   \tx
                  y
                - - |-
                    x
                    \ty
                trailing:
                  tab: "a\\t\\nb"
                  end: "a\\nb\\t"
                  only: "\\t\\n"
                """);
        assertReadsBackByYaml11AndYaml12(List.of(tree), yaml);
        assertThat(ManifestReader.create().read(yaml).get(0).tree()).isEqualTo(tree);
    }

    @Test
    void writesEveryGoldenSnapshotAndCorpusFileLikeJackson() throws IOException {
        var reader = ManifestReader.create();
        int files = 0;
        for (Path file : yamlFiles()) {
            List<ManifestDocument> documents;
            try {
                documents = reader.read(file);
            } catch (ManifestReadException e) {
                continue; // hostile inputs of the fuzz corpus
            }
            var trees = new ArrayList<ObjectNode>();
            documents.forEach(document -> trees.add(Trees.canonicalize(document.tree())));
            if (!trees.isEmpty()) {
                assertThat(assertSameAsJackson(trees)).as("emitter writes %s", file).isTrue();
                files++;
            }
        }
        assertThat(files).isGreaterThan(20);
    }

    @Test
    void manifestWriterRewritesGoldenAndSnapshotFilesToTheirOwnText() throws IOException {
        var files = new ArrayList<Path>();
        for (String directory : List.of("src/test/resources/golden", "../examples/src/test/resources/manifest-snapshots")) {
            try (Stream<Path> walk = Files.walk(Path.of(directory))) {
                walk.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
            }
        }
        assertThat(files).hasSizeGreaterThan(10);
        for (Path file : files) {
            String text = Files.readString(file);
            assertThat(ManifestWriter.toYaml(ManifestReader.create().read(text))).as("%s", file).isEqualTo(text);
        }
    }

    private static List<Path> yamlFiles() throws IOException {
        var files = new ArrayList<Path>();
        for (String directory : List.of("src/test/resources", "../examples/src/test/resources",
                "../validation/src/test/resources", "../cli/src/test/resources")) {
            Path root = Path.of(directory);
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                            .sorted().forEach(files::add);
                }
            }
        }
        return files;
    }

    private static List<ObjectNode> valueTree(String value) {
        ObjectNode tree = NODES.objectNode();
        tree.put("value", value);
        tree.putArray("items").add(value).addObject().put("nested", value).putArray("deeper").add(value);
        tree.putObject("map").putObject("inner").put("text", value);
        tree.putArray("lists").addArray().addArray().add(value);
        return List.of(tree, tree);
    }

    private static List<ObjectNode> keyTree(String key) {
        ObjectNode tree = NODES.objectNode();
        tree.put(key, "v");
        tree.putObject("map").put(key, 1).putArray(key + "x").add("a");
        tree.putArray("list").addObject().put(key, key);
        return List.of(tree);
    }

    /**
     * Asserts the same text as Jackson's, or, where the trees hold a YAML 1.1 line break Jackson
     * writes raw, a lone surrogate it pairs with the next character or a number it writes with an
     * exponent YAML 1.1 does not read as one, text that YAML 1.1 and 1.2 readers read back as the
     * same trees; {@code true} when the emitter wrote every tree itself.
     */
    private static boolean assertSameAsJackson(List<ObjectNode> trees) {
        String emitted = emitted(trees);
        if (trees.stream().anyMatch(YamlEmitterTest::holdsWhatJacksonGetsWrong)) {
            assertThat(emitted).as("YAML of %s", trees).doesNotContain("\u0085", "\u2028", "\u2029");
            assertReadsBackByYaml11AndYaml12(trees, emitted);
        } else {
            assertThat(emitted).as("YAML of %s", trees).isEqualTo(ManifestWriter.jacksonYaml(trees));
        }
        boolean first = true;
        for (ObjectNode tree : trees) {
            if (!YamlEmitter.write(tree, first, new StringBuilder())) {
                return false;
            }
            first = false;
        }
        return true;
    }

    private static boolean holdsWhatJacksonGetsWrong(JsonNode node) {
        if (node.isString()) {
            return jacksonGetsWrong(node.asString());
        }
        if (node.isFloatingPointNumber() && Double.isFinite(node.doubleValue())) {
            // Jackson writes 1.0E20, a string to YAML 1.1
            return (node.isBigDecimal() ? node.decimalValue().toString() : Double.toString(node.doubleValue()))
                    .indexOf('E') >= 0;
        }
        for (var name : node.propertyNames()) {
            if (jacksonGetsWrong(name)) {
                return true;
            }
        }
        for (JsonNode child : node.values()) {
            if (holdsWhatJacksonGetsWrong(child)) {
                return true;
            }
        }
        return false;
    }

    private static boolean jacksonGetsWrong(String s) {
        if (s.indexOf('\n') >= 0 && s.indexOf('\t') >= 0) {
            return true; // a literal block where Jackson double-quotes: see writesTabsInMultiLineTextAsLiteralBlocks
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0x85 || c == 0x2028 || c == 0x2029
                    || Character.isHighSurrogate(c) && (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1)))) {
                return true;
            }
        }
        return false;
    }

    private static void assertReadsBackByYaml11AndYaml12(List<ObjectNode> trees, String yaml) {
        var json = JsonMapper.builder().build();
        var expected = trees.stream().map(tree -> json.treeToValue(tree, Object.class)).toList();
        var yaml11 = new ArrayList<>();
        new Yaml().loadAll(yaml).forEach(yaml11::add);
        // compared as JSON text: a reader makes an int of a small number the tree held as a long
        assertThat(json.writeValueAsString(yaml11)).as("SnakeYAML (YAML 1.1) reading:%n%s", yaml)
                .isEqualTo(json.writeValueAsString(expected));
        var yaml12 = new ArrayList<JsonNode>();
        try (var documents = YAMLMapper.builder().build().readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
            documents.forEachRemaining(yaml12::add);
        }
        assertThat(json.writeValueAsString(yaml12)).as("Jackson (YAML 1.2) reading:%n%s", yaml)
                .isEqualTo(json.writeValueAsString(trees));
    }

    private static String emitted(List<ObjectNode> trees) {
        var out = new StringBuilder();
        boolean first = true;
        for (ObjectNode tree : trees) {
            ManifestWriter.appendYaml(tree, first, out);
            first = false;
        }
        return out.toString();
    }
}
