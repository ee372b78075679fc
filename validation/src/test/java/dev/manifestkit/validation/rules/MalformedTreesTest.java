package dev.manifestkit.validation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.validation.ManifestIndex;
import dev.manifestkit.validation.Profile;
import dev.manifestkit.validation.Rule;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rules run on trees the schema layer may already have rejected: a field of the wrong type is
 * skipped, never a crash. Every value of the reference application is swapped, one at a time,
 * for a value of each other JSON type, and every rule runs over the result.
 */
class MalformedTreesTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<JsonNode> SUBSTITUTES = List.of(NODES.stringNode("x"), NODES.stringNode(""),
            NODES.numberNode(-1), NODES.numberNode(1.5), NODES.booleanNode(true), NODES.arrayNode(),
            NODES.arrayNode().add("x"), NODES.objectNode(), NODES.objectNode().put("x", 1));

    /** The reference application, and a set that uses many more fields. */
    private static final List<String> SETS = List.of("valid-app.yaml", "feature-rich.yaml");

    @ParameterizedTest
    @FieldSource("SETS")
    void noRuleThrowsOnAValueOfTheWrongType(String resource) {
        var docs = RuleHarness.parse(RulesTest.resource(resource));
        var failures = new ArrayList<String>();
        int runs = 0;
        for (int d = 0; d < docs.size(); d++) {
            var original = docs.get(d).tree();
            for (var pointer : pointers(original, "")) {
                for (var substitute : SUBSTITUTES) {
                    var mutated = original.deepCopy();
                    replace(mutated, pointer, substitute);
                    var set = new ArrayList<>(docs);
                    set.set(d, ManifestDocument.inMemory(mutated, d));
                    var index = new ManifestIndex(set, List.of());
                    for (Rule rule : Rules.all()) {
                        runs++;
                        try {
                            RuleHarness.checkOne(rule, set.get(d), index, Profile.PROD);
                        } catch (RuntimeException e) {
                            failures.add(rule.id() + " at " + pointer + " = " + substitute + ": " + e);
                        }
                    }
                }
            }
        }
        assertThat(runs).isGreaterThan(100_000);
        assertThat(failures).isEmpty();
    }

    /** Objects that are maps, not structs: a null entry in them is an empty value, not a missing one. */
    private static final java.util.Set<String> MAPS = java.util.Set.of("labels", "annotations", "matchLabels", "data",
            "stringData", "binaryData", "requests", "limits", "capacity", "nodeSelector", "parameters");

    /**
     * The API server decodes {@code field: null} into an absent pointer, slice or map (and a null
     * string into the empty string, as an absent one), so every rule must find the same problems,
     * at the same places, for a field set to null as for the field left out.
     */
    @ParameterizedTest
    @FieldSource("SETS")
    void everyRuleReadsANullFieldAsAnAbsentOne(String resource) {
        var docs = RuleHarness.parse(RulesTest.resource(resource));
        var differences = new ArrayList<String>();
        int compared = 0;
        for (int d = 0; d < docs.size(); d++) {
            var original = docs.get(d).tree();
            for (var pointer : pointers(original, "")) {
                var parentPointer = pointer.substring(0, pointer.lastIndexOf('/'));
                var parentName = parentPointer.substring(parentPointer.lastIndexOf('/') + 1);
                boolean serviceSelector = parentPointer.equals("/spec/selector")
                        && "Service".equals(original.path("kind").asString());
                if (!(original.at(parentPointer) instanceof ObjectNode) || MAPS.contains(parentName) || serviceSelector) {
                    continue; // list elements and map entries are not fields
                }
                var nulled = original.deepCopy();
                replace(nulled, pointer, NODES.nullNode());
                var removed = original.deepCopy();
                remove(removed, pointer);
                for (Rule rule : Rules.all()) {
                    compared++;
                    var whenNull = messages(rule, docs, d, nulled);
                    var whenAbsent = messages(rule, docs, d, removed);
                    if (!whenNull.equals(whenAbsent)) {
                        differences.add(rule.id() + " at " + pointer + ": null gives " + whenNull + ", absent "
                                + whenAbsent);
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(10_000);
        assertThat(differences).isEmpty();
    }

    private static List<String> messages(Rule rule, List<ManifestDocument> docs, int d, ObjectNode tree) {
        var set = new ArrayList<>(docs);
        set.set(d, ManifestDocument.inMemory(tree, d));
        return RuleHarness.checkOne(rule, set.get(d), new ManifestIndex(set, List.of()), Profile.PROD).stream()
                .map(problem -> problem.path() + ": " + problem.type())
                .toList();
    }

    private static void remove(ObjectNode root, String pointer) {
        int slash = pointer.lastIndexOf('/');
        var parent = (ObjectNode) root.at(pointer.substring(0, slash));
        parent.remove(pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~"));
    }

    private static List<String> pointers(JsonNode node, String prefix) {
        var out = new ArrayList<String>();
        if (node instanceof ObjectNode object) {
            for (var name : object.propertyNames()) {
                var child = prefix + "/" + name.replace("~", "~0").replace("/", "~1");
                out.add(child);
                out.addAll(pointers(object.get(name), child));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                out.add(prefix + "/" + i);
                out.addAll(pointers(array.get(i), prefix + "/" + i));
            }
        }
        return out;
    }

    private static void replace(ObjectNode root, String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        var parent = root.at(pointer.substring(0, slash));
        var last = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        }
    }
}
