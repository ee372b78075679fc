package dev.manifestkit.validation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

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

    @Test
    void noRuleThrowsOnAValueOfTheWrongType() {
        var docs = RuleHarness.parse(RulesTest.resource("valid-app.yaml"));
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
