package dev.manifestkit.validation.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.manifestkit.validation.KubernetesVersion;
import dev.manifestkit.validation.TestDocs;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The pre-check that lets valid objects skip the JSON Schema validator must never pass an
 * object the validator would find a problem in. Thousands of randomly damaged copies of the
 * per-kind test objects (fields removed, retyped, nulled, added) are checked both ways.
 */
class PreCheckAgreementTest {

    private static final String[] REPLACEMENTS = {"null", "'text'", "'25%'", "1", "-1.5", "3.0", "true", "[]", "{}",
            "['x']", "{'a':1}", "[1,'a',null]", "12345678901234567890", "'Deployment'"};

    @ParameterizedTest(name = "strict={0}")
    @ValueSource(booleans = {true, false})
    void preCheckNeverPassesWhatTheValidatorRejects(boolean strict) {
        var registry = SchemaRegistry.bundled(KubernetesVersion.parse("1.35"), strict);
        var random = new Random(20261125L + (strict ? 1 : 0));
        var baselines = SchemaLayerPerKindTest.kinds().toList();
        int fastPasses = 0;
        int rejected = 0;
        for (int i = 0; i < 4000; i++) {
            var base = baselines.get(random.nextInt(baselines.size())).baseline();
            var object = base.deepCopy();
            for (int m = 1 + random.nextInt(3); m > 0; m--) {
                mutate(object, random);
            }
            var kind = object.path("kind").asString(base.get("kind").asString());
            var apiVersion = object.path("apiVersion").asString(base.get("apiVersion").asString());
            var schema = registry.schemaFor(apiVersion, kind).orElse(null);
            if (schema == null) {
                continue;
            }
            var full = schema.validateFully(object);
            if (schema.preCheckPasses(object)) {
                fastPasses++;
                assertThat(full).as("pre-check passed %s", object).isEmpty();
            } else if (!full.isEmpty()) {
                rejected++;
            }
        }
        // the damage is varied enough that both answers occur often
        assertThat(fastPasses).isGreaterThan(300);
        assertThat(rejected).isGreaterThan(1000);
    }

    @ParameterizedTest(name = "strict={0}")
    @ValueSource(booleans = {true, false})
    void everyValidBaselineTakesTheFastPath(boolean strict) {
        var registry = SchemaRegistry.bundled(KubernetesVersion.parse("1.35"), strict);
        for (var c : SchemaLayerPerKindTest.kinds().toList()) {
            var object = c.baseline();
            var schema = registry.schemaFor(object.get("apiVersion").asString(), object.get("kind").asString()).orElseThrow();
            assertThat(schema.hasPreCheck()).as(c.kind()).isTrue();
            assertThat(schema.preCheckPasses(object)).as(c.kind()).isTrue();
        }
    }

    private static void mutate(ObjectNode root, Random random) {
        var containers = new ArrayList<JsonNode>();
        collect(root, containers);
        var target = containers.get(random.nextInt(containers.size()));
        var value = TestDocs.JSON.readTree(REPLACEMENTS[random.nextInt(REPLACEMENTS.length)].replace('\'', '"'));
        if (target instanceof ObjectNode object) {
            var names = new ArrayList<>(object.propertyNames());
            switch (random.nextInt(4)) {
                case 0 -> object.set("unknown" + random.nextInt(3), value);
                case 1 -> {
                    if (!names.isEmpty()) {
                        object.remove(names.get(random.nextInt(names.size())));
                    }
                }
                default -> {
                    if (!names.isEmpty()) {
                        object.set(names.get(random.nextInt(names.size())), value);
                    }
                }
            }
        } else if (target instanceof ArrayNode array && !array.isEmpty()) {
            if (random.nextBoolean()) {
                array.set(random.nextInt(array.size()), value);
            } else {
                array.add(value);
            }
        }
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainer()) {
            containers.add(node);
            for (var child : node) {
                collect(child, containers);
            }
        }
    }
}
