package dev.manifestkit.validation;

import java.math.BigDecimal;
import java.util.List;

import dev.manifestkit.core.ManifestDocument;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Whole numbers written as floats ({@code replicas: -1.0}, {@code containerPort: 80.0}) taken as
 * the integers kubectl sends: it decodes a manifest into float64s and encodes a whole one without
 * a fraction, so the API server's int32 fields get {@code -1} and {@code 80}. The readers already
 * do this; a tree built in memory (a Jackson parse, a hand-made {@code ObjectNode}) may hold
 * {@code 80.0} as a double, which the schema would call "not an integer" and integer-only rules
 * would skip.
 */
final class WholeNumbers {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private WholeNumbers() {
    }

    /**
     * The document with its whole floats as integers; the document itself when it has none, or
     * when it was read from text (the readers made them integers already). Call only on a tree
     * whose depth was checked.
     */
    static ManifestDocument asKubectlSends(ManifestDocument document) {
        if (!document.locations().isEmpty() || !hasWholeFloat(document.tree())) {
            return document;
        }
        var copy = document.tree().deepCopy();
        replace(copy);
        return new ManifestDocument(copy, document.origin(), document.index(), document.locations());
    }

    private static boolean hasWholeFloat(JsonNode node) {
        if (node.isContainer()) {
            for (JsonNode child : node.values()) {
                if (hasWholeFloat(child)) {
                    return true;
                }
            }
            return false;
        }
        return whole(node) != null;
    }

    private static void replace(JsonNode container) {
        if (container instanceof ObjectNode object) {
            for (var name : List.copyOf(object.propertyNames())) {
                var value = object.get(name);
                var integer = whole(value);
                if (integer != null) {
                    object.set(name, integer);
                } else if (value.isContainer()) {
                    replace(value);
                }
            }
        } else if (container instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                var integer = whole(array.get(i));
                if (integer != null) {
                    array.set(i, integer);
                } else if (array.get(i).isContainer()) {
                    replace(array.get(i));
                }
            }
        }
    }

    /** The integer a whole float within 64 bits stands for, or null (not a float, a fraction, or beyond a long, which stays a double as in kubectl). */
    private static JsonNode whole(JsonNode node) {
        if (!node.isFloatingPointNumber() || !Double.isFinite(node.doubleValue())) {
            return null;
        }
        var value = node.decimalValue();
        if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0
                || value.compareTo(LONG_MIN) < 0 || value.compareTo(LONG_MAX) > 0) {
            return null;
        }
        long integer = value.longValue();
        return integer == (int) integer ? NODES.numberNode((int) integer) : NODES.numberNode(integer);
    }
}
