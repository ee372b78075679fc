package dev.manifestkit.validation.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.core.fuzz.Bounded;
import dev.manifestkit.core.fuzz.Corpus;
import dev.manifestkit.core.yaml.ManifestReadException;
import dev.manifestkit.core.yaml.ManifestReader;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.ValidationReport;
import dev.manifestkit.validation.Validator;
import dev.manifestkit.validation.report.ReportWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Random and mutated input into the {@link Validator}: mutated YAML (whatever the reader accepts)
 * and mutated object trees (a value of the wrong type, a field removed or renamed, an empty or
 * huge value anywhere). Validation never throws, no rule crashes (a crash would surface as an
 * {@link ErrorType#INTERNAL} problem), every message is one line, and every report format
 * renders. Each try is bounded in time and memory.
 *
 * <p>Tries per property: {@code jqwik.tries.default} (200 in {@code junit-platform.properties}).
 */
class ValidatorFuzzTest {

    /**
     * The same inputs on every run, so CI is repeatable; a longer search runs more of them
     * ({@code -Djqwik.tries.default=20000}), a different one needs another seed here.
     */
    static final String RANDOM_SEED = "20261125";

    private static final Validator VALIDATOR = Validator.forKubernetes("1.35");
    private static final ManifestReader READER = ManifestReader.create();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<ManifestDocument> SEED_DOCUMENTS = seedDocuments();

    private static List<ManifestDocument> seedDocuments() {
        var documents = new ArrayList<ManifestDocument>();
        for (byte[] seed : Corpus.seedBytes()) {
            try {
                documents.addAll(READER.read(new ByteArrayInputStream(seed), "seed.yaml"));
            } catch (ManifestReadException e) {
                // hostile seeds do not read; the YAML property feeds them through the reader
            }
        }
        return documents;
    }

    @Provide
    Arbitrary<byte[]> yaml() {
        return Corpus.any();
    }

    @Provide
    Arbitrary<List<ManifestDocument>> mutatedObjects() {
        return Arbitraries.randomValue(ValidatorFuzzTest::mutatedSet);
    }

    @Property(seed = RANDOM_SEED)
    void whateverTheReaderAcceptsValidatesWithoutCrashing(@ForAll("yaml") byte[] input) {
        Bounded.run("validating " + input.length + " bytes", () -> {
            List<ManifestDocument> documents;
            try {
                documents = READER.read(new ByteArrayInputStream(input), "fuzz.yaml");
            } catch (ManifestReadException e) {
                return null;
            }
            assertCleanReport(VALIDATOR.validate(documents));
            return null;
        });
    }

    @Property(seed = RANDOM_SEED)
    void objectsWithMutatedFieldsValidateWithoutCrashing(@ForAll("mutatedObjects") List<ManifestDocument> documents) {
        Bounded.run("validating " + documents.size() + " mutated objects", () -> {
            assertCleanReport(VALIDATOR.validate(documents));
            var session = VALIDATOR.session();
            documents.forEach(session::add);
            assertCleanReport(session.finish());
            return null;
        });
    }

    private static void assertCleanReport(ValidationReport report) {
        assertThat(report.problems()).allSatisfy(problem -> {
            assertThat(problem.type()).as("a rule crashed: %s", problem).isNotEqualTo(ErrorType.INTERNAL);
            assertThat(problem.message()).isNotBlank().doesNotContain("\n");
            assertThat(problem.toString()).doesNotContain("\n");
        });
        for (var format : List.of("text", "json", "junit")) {
            var out = new StringWriter();
            try {
                ReportWriter.forFormat(format).write(report, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            assertThat(out.toString()).isNotEmpty();
        }
    }

    // --- tree mutations -------------------------------------------------------------------------

    private static List<ManifestDocument> mutatedSet(Random random) {
        int count = 1 + random.nextInt(4);
        var documents = new ArrayList<ManifestDocument>(count);
        for (int i = 0; i < count; i++) {
            var seed = SEED_DOCUMENTS.get(random.nextInt(SEED_DOCUMENTS.size()));
            ObjectNode tree = seed.tree().deepCopy();
            int edits = 1 + random.nextInt(5);
            for (int e = 0; e < edits; e++) {
                mutate(tree, random);
            }
            documents.add(new ManifestDocument(tree, "fuzz.yaml", i, java.util.Map.of()));
        }
        return documents;
    }

    /** One edit at a random place of the tree. */
    private static void mutate(ObjectNode root, Random random) {
        var containers = new ArrayList<JsonNode>();
        collectContainers(root, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode object) {
            var names = new ArrayList<>(object.propertyNames());
            if (names.isEmpty() || random.nextInt(8) == 0) {
                object.set(randomKey(random), randomValue(random));
                return;
            }
            var name = names.get(random.nextInt(names.size()));
            switch (random.nextInt(4)) {
                case 0 -> object.remove(name);
                case 1 -> object.set(randomKey(random), object.remove(name));
                default -> object.set(name, randomValue(random));
            }
        } else if (target instanceof ArrayNode array) {
            if (array.isEmpty() || random.nextInt(4) == 0) {
                array.add(random.nextBoolean() && !array.isEmpty() ? array.get(0).deepCopy() : randomValue(random));
                return;
            }
            int index = random.nextInt(array.size());
            if (random.nextBoolean()) {
                array.remove(index);
            } else {
                array.set(index, randomValue(random));
            }
        }
    }

    private static void collectContainers(JsonNode node, List<JsonNode> out) {
        if (node.isObject() || node.isArray()) {
            out.add(node);
            for (JsonNode child : node) {
                collectContainers(child, out);
            }
        }
    }

    private static final String[] KEYS = {"name", "namespace", "kind", "apiVersion", "metadata", "spec", "labels",
        "selector", "matchLabels", "containers", "ports", "port", "targetPort", "image", "volumes", "volumeMounts",
        "data", "stringData", "type", "env", "valueFrom", "secretKeyRef", "key", "rules", "backend", "service",
        "", " ", "a/b/c", "ключ", "\u0000", "x".repeat(300)};

    private static String randomKey(Random random) {
        return KEYS[random.nextInt(KEYS.length)];
    }

    private static JsonNode randomValue(Random random) {
        return switch (random.nextInt(16)) {
            case 0 -> NODES.stringNode("");
            case 1 -> NODES.stringNode("x".repeat(random.nextInt(100_000)));
            case 2 -> NODES.stringNode(randomString(random));
            case 3 -> NODES.numberNode(-1);
            case 4 -> NODES.numberNode(0);
            case 5 -> NODES.numberNode(Integer.MAX_VALUE + 1L);
            case 6 -> NODES.numberNode(new BigInteger("9".repeat(40)));
            case 7 -> NODES.numberNode(1.5e300);
            case 8 -> NODES.booleanNode(random.nextBoolean());
            case 9 -> NODES.nullNode();
            case 10 -> NODES.objectNode();
            case 11 -> NODES.arrayNode();
            case 12 -> NODES.objectNode().put(randomKey(random), randomString(random));
            case 13 -> NODES.arrayNode().add(randomString(random)).add(random.nextInt());
            case 14 -> { // deep nesting
                JsonNode node = NODES.stringNode("deep");
                for (int i = 0; i < 200; i++) {
                    node = random.nextBoolean() ? NODES.arrayNode().add(node) : NODES.objectNode().set("n", node);
                }
                yield node;
            }
            default -> NODES.stringNode(new String[] {"80", "http", "-1", "1e3", "0x1F", "yes", "Always", "TCP",
                "ClusterIP", "Prefix", "100Mi", "1.5", "..", "/", "a b", "UPPER", "emoji-😀"}[random.nextInt(17)]);
        };
    }

    private static String randomString(Random random) {
        var out = new StringBuilder();
        int length = random.nextInt(40);
        for (int i = 0; i < length; i++) {
            out.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(0x2FFFF) : 32 + random.nextInt(95));
        }
        return out.toString();
    }
}
