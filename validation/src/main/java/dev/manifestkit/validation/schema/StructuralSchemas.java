package dev.manifestkit.validation.schema;

import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;

/** Walks of a CustomResourceDefinition's structural schema, shared by the checks that run only where it asks for them. */
final class StructuralSchemas {

    private StructuralSchemas() {
    }

    /**
     * Whether {@code test} holds for the schema or any schema below it through {@code properties},
     * {@code additionalProperties} and {@code items} (the places a structural schema describes
     * values; logical branches declare no types), so objects of a definition that asks for a check
     * nowhere are not walked for it.
     */
    static boolean anywhere(JsonNode schema, Predicate<JsonNode> test) {
        if (schema == null || !schema.isObject()) {
            return false;
        }
        if (test.test(schema) || anywhere(schema.get("items"), test) || anywhere(schema.get("additionalProperties"), test)) {
            return true;
        }
        var properties = schema.get("properties");
        if (properties != null && properties.isObject()) {
            for (var property : properties.properties()) {
                if (anywhere(property.getValue(), test)) {
                    return true;
                }
            }
        }
        return false;
    }
}
