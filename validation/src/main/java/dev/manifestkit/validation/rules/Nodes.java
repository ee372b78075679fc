package dev.manifestkit.validation.rules;

import dev.manifestkit.core.tree.Trees;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.core.MessageText;
import dev.manifestkit.validation.RuleContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Null-tolerant reads of plain JSON trees, and the API server's way of printing values.
 *
 * <p>Rules run after (or without) schema validation, so a field may have the wrong type: every
 * accessor returns null rather than throwing, and rules skip what the schema layer reports.
 */
final class Nodes {

    private Nodes() {
    }

    /** The object at {@code field}, or null if absent or not an object. */
    static ObjectNode obj(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        var value = node.get(field);
        return value instanceof ObjectNode o ? o : null;
    }

    /** The object at {@code a.b}, or null. */
    static ObjectNode obj(JsonNode node, String field, String next) {
        return obj(obj(node, field), next);
    }

    /** The object at {@code a.b.c}, or null. */
    static ObjectNode obj(JsonNode node, String field, String next, String last) {
        return obj(obj(obj(node, field), next), last);
    }

    /** The object at {@code a.b.c.d…}, or null (deep paths are rare; the shorter overloads allocate nothing). */
    static ObjectNode obj(JsonNode node, String field, String... more) {
        var current = obj(node, field);
        for (var f : more) {
            current = obj(current, f);
        }
        return current;
    }

    /** The array at {@code field}, or null if absent or not an array. */
    static ArrayNode arr(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        var value = node.get(field);
        return value instanceof ArrayNode a ? a : null;
    }

    /** The string at {@code field}, or null if absent or not a string. */
    static String str(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        var value = node.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }

    /** The object's {@code spec} when the object is of this kind and has one, else null. */
    static ObjectNode specOf(JsonNode tree, String kind) {
        return kind(tree).equals(kind) ? obj(tree, "spec") : null;
    }

    /** The value at {@code field}, or null. */
    static JsonNode get(JsonNode node, String field) {
        return node == null ? null : node.get(field);
    }

    /**
     * True if the field is there and not {@code null}: the API server decodes a null into an
     * absent pointer, slice or map, so {@code emptyDir: null} sets nothing.
     */
    static boolean has(JsonNode node, String field) {
        var value = get(node, field);
        return value != null && !value.isNull();
    }

    /** True if the field holds the boolean {@code true}. */
    static boolean isTrue(JsonNode node, String field) {
        var value = get(node, field);
        return value != null && value.isBoolean() && value.booleanValue();
    }

    /** True if the field holds the boolean {@code false}. */
    static boolean isFalse(JsonNode node, String field) {
        var value = get(node, field);
        return value != null && value.isBoolean() && !value.booleanValue();
    }

    /** True if the node is an integral number that fits a {@code long} (so {@code longValue()} is safe). */
    static boolean isInt(JsonNode node) {
        // canConvertToLong: callers read longValue(), which throws for a BigInteger beyond 64 bits
        // (YAML "port: 99999999999999999999"); such values are reported by the range checks that need to
        return node != null && node.isIntegralNumber() && node.canConvertToLong();
    }

    /** {@code metadata.name}, or null. */
    static String name(JsonNode tree) {
        return str(obj(tree, "metadata"), "name");
    }

    /** {@code metadata.namespace}, or the empty string for the default namespace. */
    static String namespace(JsonNode tree) {
        var ns = str(obj(tree, "metadata"), "namespace");
        return ns == null ? "" : ns;
    }

    /** {@code kind}, or the empty string. */
    static String kind(JsonNode tree) {
        var kind = str(tree, "kind");
        return kind == null ? "" : kind;
    }

    /**
     * A string as Go's {@code %q} prints it: {@code "app"}, cut to {@link RuleContext#MAX_BAD_VALUE}
     * characters, so a name or key quoted in a detail keeps the message one short line.
     */
    static String quote(String value) {
        return MessageText.quote(value);
    }

    /**
     * A JSON value as the API server prints a bad value: strings quoted, numbers bare, objects
     * and lists as JSON, written only as far as a problem keeps it ({@link RuleContext#MAX_BAD_VALUE}),
     * so a huge or deeply nested value still makes a short message.
     */
    static String show(JsonNode value) {
        if (value == null) {
            return "null";
        }
        return value.isString() ? quote(value.asString()) : Trees.shortJson(value, RuleContext.MAX_BAD_VALUE);
    }

    /** {@code supported values: "A", "B"}, the detail of an Unsupported value error. */
    static String supported(String... values) {
        var sb = new StringBuilder("supported values: ");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(quote(values[i]));
        }
        return sb.toString();
    }

    /** True if {@code value} is one of {@code values}. */
    static boolean oneOf(String value, String... values) {
        for (var v : values) {
            if (v.equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** A scalar as text: a string's own characters, a number as Go prints it ({@code 2}, not {@code 2.0}), else JSON. */
    static String text(JsonNode value) {
        if (value.isNumber()) {
            return Trees.goNumber(value);
        }
        return value.isString() ? value.asString() : value.toString();
    }

    /** A string map as the API server prints it in a message: {@code {"app":"web"}}. */
    static String showMap(ObjectNode map) {
        return map == null ? "{}" : show(map);
    }

    /** Visits each element of an array field that is an object, with its path. */
    static void forEachObject(JsonNode parent, String field, FieldPath parentPath, ElementVisitor visitor) {
        var list = Nodes.arr(parent, field);
        if (list == null) {
            return;
        }
        FieldPath listPath = null;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof ObjectNode element) {
                if (listPath == null) {
                    listPath = parentPath.child(field);
                }
                visitor.visit(element, listPath.index(i), i);
            }
        }
    }

    /** Visits one element of a list. */
    @FunctionalInterface
    interface ElementVisitor {
        void visit(ObjectNode element, FieldPath path, int index);
    }

    /** Go's {@code maskTrailingDash}: how the API server lets a name prefix end in '-'. */
    static String maskTrailingDash(String name) {
        return name.length() > 1 && name.endsWith("-") ? name.substring(0, name.length() - 2) + "a" : name;
    }
}
