package dev.manifestkit.validation.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.core.yaml.ManifestReadException;
import dev.manifestkit.core.yaml.ManifestReader;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.Validator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every value of every {@code api-server-verdicts} manifest (a thousand objects of some forty
 * kinds, each written to reach one check) replaced, one at a time, by a value of each other
 * shape, and validated with the rest of its file: no rule crashes. Random mutation ({@link ValidatorFuzzTest}) reaches a rule's
 * type assumptions only by chance; this sweep reaches every field each rule reads, in about
 * 240,000 validations (under ten seconds).
 */
class WrongTypeSweepTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Path VERDICTS = Path.of("src/test/resources/api-server-verdicts");
    private static final List<JsonNode> REPLACEMENTS = List.of(NODES.stringNode(""), NODES.stringNode("x"),
            NODES.stringNode("-1"), NODES.stringNode("100%"), NODES.numberNode(-1), NODES.numberNode(0),
            NODES.numberNode(new BigInteger("9".repeat(30))), NODES.numberNode(1.5), NODES.booleanNode(true),
            NODES.objectNode(), NODES.arrayNode(), NODES.arrayNode().add(NODES.nullNode()),
            NODES.arrayNode().add("x"), NODES.objectNode().put("a", "b"), NODES.arrayNode().add(NODES.objectNode()),
            // quantities with nine-digit exponents and a number read as Infinity: arithmetic must stay cheap
            NODES.stringNode("1e99999999"), NODES.stringNode("1e-99999999"), NODES.numberNode(Double.POSITIVE_INFINITY));

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES) // a rule that hangs on a value fails here rather than stalling the build
    void noRuleCrashesOnAValueOfAnotherShapeAnywhereInTheVerdictManifests() throws IOException {
        // the files take the bundled versions in turn, so that checks gated on a version are swept too
        var validators = List.of(Validator.forKubernetes("1.33"), Validator.forKubernetes("1.34"),
                Validator.forKubernetes("1.35"), Validator.forKubernetes("1.36"));
        var reader = ManifestReader.create();
        var crashes = new TreeSet<String>();
        int validations = 0;
        List<Path> files;
        try (var listing = Files.list(VERDICTS)) {
            files = listing.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (int f = 0; f < files.size(); f++) {
            var file = files.get(f);
            var validator = validators.get(f % validators.size());
            List<ManifestDocument> documents;
            try {
                documents = reader.read(Files.readString(file));
            } catch (ManifestReadException e) {
                continue; // a few cases are about input the reader refuses
            }
            for (int d = 0; d < documents.size(); d++) {
                var document = documents.get(d);
                var paths = new ArrayList<List<Object>>();
                collectPaths(document.tree(), new ArrayList<>(), paths);
                for (var path : paths) {
                    for (var replacement : REPLACEMENTS) {
                        ObjectNode tree = document.tree().deepCopy();
                        replace(tree, path, replacement);
                        // with the rest of its file, so cross-object rules read the mutated object too
                        var set = new ArrayList<>(documents);
                        set.set(d, new ManifestDocument(tree, file.getFileName().toString(), d, Map.of()));
                        validations++;
                        for (var problem : validator.validate(set).problems()) {
                            if (problem.type() == ErrorType.INTERNAL) {
                                crashes.add(file.getFileName() + " " + path + " = " + replacement + ": " + problem);
                            }
                        }
                    }
                }
            }
        }
        assertThat(validations).isGreaterThan(100_000);
        assertThat(crashes).isEmpty();
    }

    private static void collectPaths(JsonNode node, List<Object> at, List<List<Object>> out) {
        if (!at.isEmpty()) {
            out.add(List.copyOf(at));
        }
        if (node.isObject()) {
            for (var entry : node.properties()) {
                at.add(entry.getKey());
                collectPaths(entry.getValue(), at, out);
                at.remove(at.size() - 1);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                at.add(i);
                collectPaths(node.get(i), at, out);
                at.remove(at.size() - 1);
            }
        }
    }

    private static void replace(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode parent = root;
        for (var step : path.subList(0, path.size() - 1)) {
            parent = step instanceof Integer index ? parent.get(index) : parent.get((String) step);
        }
        var last = path.get(path.size() - 1);
        if (last instanceof Integer index) {
            ((ArrayNode) parent).set(index, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
    }
}
