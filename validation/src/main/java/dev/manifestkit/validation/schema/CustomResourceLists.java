package dev.manifestkit.validation.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.TreeMap;

import dev.manifestkit.core.MessageText;
import dev.manifestkit.core.tree.Trees;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import tools.jackson.databind.JsonNode;

/**
 * The uniqueness the API server asks of a custom resource's {@code x-kubernetes-list-type: set}
 * and {@code map} lists (listtype's {@code ValidateListSetsAndMaps}, run on every create): a set
 * holds no item twice, a map list no two items with the same values of its
 * {@code x-kubernetes-list-map-keys}. Each value seen a second time is a {@code Duplicate value}
 * at that item, as {@code field.Duplicate} words it (Go's {@code %#v} for a map or list).
 *
 * <p>Items are compared as read: the server compares them after defaulting and pruning, which
 * only makes more of them equal, so a duplicate found here is one there too. A missing map key
 * takes its property's {@code default}, as the server fills it in first. A null item is skipped
 * (the server counts it as a value; left alone, as a missed error beats a false one), and a map
 * list with an item that is no object is left to the schema's type check.
 */
final class CustomResourceLists {

    private CustomResourceLists() {
    }

    private static final String LIST_TYPE = "x-kubernetes-list-type";

    /** True if the schema, as written, declares a set or map list anywhere the check walks. */
    static boolean used(JsonNode schema) {
        return StructuralSchemas.anywhere(schema, s -> {
            var listType = s.path(LIST_TYPE).asString("");
            return listType.equals("set") || listType.equals("map");
        });
    }

    /**
     * Adds a violation for each duplicate in the set and map lists of {@code value}, walking
     * properties, {@code additionalProperties} and {@code items} of the structural schema (logical
     * branches declare no list type: the server refuses one there).
     */
    static void violations(JsonNode value, JsonNode schema, FieldPath path, List<SchemaViolation> out) {
        if (schema == null || value == null || !schema.isObject()) {
            return;
        }
        if (value.isObject()) {
            var additional = schema.get("additionalProperties");
            var properties = schema.get("properties");
            for (var entry : value.properties()) {
                if (additional != null && additional.isObject()) {
                    violations(entry.getValue(), additional, path.key(entry.getKey()), out);
                }
                if (properties != null && properties.has(entry.getKey())) {
                    violations(entry.getValue(), properties.get(entry.getKey()), path.child(entry.getKey()), out);
                }
            }
        } else if (value.isArray()) {
            switch (schema.path(LIST_TYPE).asString("")) {
                case "set" -> duplicates(items(value), path, out);
                case "map" -> mapDuplicates(value, schema, path, out);
                default -> { }
            }
            var items = schema.get("items");
            for (int i = 0; i < value.size(); i++) {
                violations(value.get(i), items, path.index(i), out);
            }
        }
    }

    private static List<JsonNode> items(JsonNode list) {
        var items = new ArrayList<JsonNode>(list.size());
        list.forEach(items::add);
        return items;
    }

    /** validateListSet: each value (null: skipped) reported where it appears the second time. */
    private static void duplicates(List<JsonNode> values, FieldPath path, List<SchemaViolation> out) {
        if (values.size() <= 1) {
            return;
        }
        var seen = new HashMap<JsonNode, Integer>();
        for (int i = 0; i < values.size(); i++) {
            var value = values.get(i);
            if (value != null && !value.isNull() && seen.merge(value, 1, Integer::sum) == 2) {
                out.add(new SchemaViolation(path.index(i), ErrorType.DUPLICATE, goValue(value), ""));
            }
        }
    }

    /**
     * validateListMap: each item's key is the map of its key fields that it has (a missing one
     * defaulted), so one key field gives {@code map[string]interface {}{"name":"http"}}, as
     * Go's single-key shortcut reports it, and an item without any gives the empty map.
     */
    private static void mapDuplicates(JsonNode list, JsonNode schema, FieldPath path, List<SchemaViolation> out) {
        var keyFields = schema.get("x-kubernetes-list-map-keys");
        if (list.size() <= 1 || keyFields == null || !keyFields.isArray() || keyFields.isEmpty()) {
            return;
        }
        var properties = schema.path("items").path("properties");
        var keys = new ArrayList<JsonNode>(list.size());
        for (var item : list) {
            if (item.isNull()) {
                keys.add(null);
                continue;
            }
            if (!item.isObject()) {
                return; // "must be an object for an array of list-type map": the schema's type check says it
            }
            var key = Definitions.JSON.createObjectNode();
            for (var field : keyFields) {
                var name = field.asString("");
                var given = item.get(name);
                if (given == null || given.isNull()) {
                    given = properties.path(name).get("default");
                }
                if (given != null && !given.isNull()) {
                    key.set(name, given);
                }
            }
            keys.add(key);
        }
        duplicates(keys, path, out);
    }

    /**
     * A value as {@code field.Error} prints it: strings quoted, numbers and booleans as {@code %v}
     * prints them, maps and lists as {@code %#v} (keys sorted), cut to a message's length.
     */
    static String goValue(JsonNode value) {
        var sb = new StringBuilder();
        append(value, sb);
        return MessageText.cut(sb.toString(), MessageText.MAX_PART);
    }

    private static void append(JsonNode value, StringBuilder sb) {
        if (sb.length() > MessageText.MAX_PART) {
            return; // cut anyway
        }
        if (value == null || value.isNull()) {
            sb.append("interface {}(nil)");
        } else if (value.isString()) {
            sb.append(MessageText.quote(value.asString()));
        } else if (value.isIntegralNumber() && value.canConvertToLong()) {
            sb.append(value.asLong());
        } else if (value.isNumber()) {
            sb.append(Trees.goNumber(value));
        } else if (value.isBoolean()) {
            sb.append(value.asBoolean());
        } else if (value.isObject()) {
            var sorted = new TreeMap<String, JsonNode>();
            value.properties().forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
            sb.append("map[string]interface {}{");
            var first = true;
            for (var entry : sorted.entrySet()) {
                sb.append(first ? "" : ", ").append(MessageText.quote(entry.getKey())).append(':');
                append(entry.getValue(), sb);
                first = false;
            }
            sb.append('}');
        } else if (value.isArray()) {
            sb.append("[]interface {}{");
            for (int i = 0; i < value.size(); i++) {
                sb.append(i == 0 ? "" : ", ");
                append(value.get(i), sb);
            }
            sb.append('}');
        }
    }
}
