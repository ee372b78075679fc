package dev.manifestkit.validation.schema;

import java.util.List;
import java.util.function.UnaryOperator;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import tools.jackson.databind.JsonNode;

/**
 * The {@code int32} and {@code int64} formats of the definitions, asserted: the API server decodes
 * {@code replicas} into a Go {@code int32} and refuses {@code 99999999999999999999}, while JSON
 * Schema's {@code type: integer} accepts any size. (Other formats stay unasserted; the API rules
 * own those.)
 */
final class IntegerFormats {

    private IntegerFormats() {
    }

    /** 32 for {@code int32}, 64 for {@code int64}, 0 for any other format. */
    static int bits(JsonNode format) {
        if (!format.isString()) {
            return 0;
        }
        return switch (format.asString()) {
            case "int32" -> 32;
            case "int64" -> 64;
            default -> 0;
        };
    }

    /** False only for an integer that does not fit in that many bits. */
    static boolean fits(JsonNode value, int bits) {
        if (!value.isIntegralNumber()) {
            return true; // a type problem, if any, is reported as such
        }
        return bits == 32 ? value.canConvertToInt() : value.canConvertToLong();
    }

    /**
     * Adds a violation for each integer of {@code value} that its schema declares {@code int32} or
     * {@code int64} and that does not fit, walking the schema's properties, maps and arrays.
     */
    static void outOfRange(JsonNode value, JsonNode schema, FieldPath path, UnaryOperator<JsonNode> resolve,
                           List<SchemaViolation> out) {
        if (schema == null || value == null) {
            return;
        }
        if (value.isIntegralNumber()) {
            var format = schema.get("format");
            int bits = format == null ? 0 : bits(format);
            if (bits != 0 && !fits(value, bits)) {
                out.add(new SchemaViolation(path, ErrorType.INVALID, KindSchema.render(value),
                        "must fit in a " + bits + "-bit integer (" + (bits == 32
                                ? Integer.MIN_VALUE + " to " + Integer.MAX_VALUE
                                : Long.MIN_VALUE + " to " + Long.MAX_VALUE) + ")"));
            }
        } else if (value.isObject()) {
            var properties = schema.get("properties");
            var additional = schema.get("additionalProperties");
            boolean map = KindSchema.isMap(schema);
            for (var entry : value.properties()) {
                var name = entry.getKey();
                if (properties != null && properties.has(name)) {
                    outOfRange(entry.getValue(), resolve.apply(properties.get(name)), path.child(name), resolve, out);
                } else if (map) {
                    outOfRange(entry.getValue(), resolve.apply(additional), path.key(name), resolve, out);
                }
            }
        } else if (value.isArray()) {
            var items = resolve.apply(schema.get("items"));
            for (int i = 0; i < value.size(); i++) {
                outOfRange(value.get(i), items, path.index(i), resolve, out);
            }
        }
    }
}
