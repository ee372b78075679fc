package dev.manifestkit.validation.schema;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A yes/no pre-check of the JSON Schema subset the Kubernetes definitions use ({@code type},
 * {@code properties}, {@code additionalProperties}, {@code required}, {@code items},
 * {@code enum}, {@code $ref}, {@code oneOf}/{@code anyOf}/{@code allOf}), for the common case of a valid object.
 *
 * <p>Most objects are valid, and the general validator spends most of its time building
 * evaluation paths for them. This check answers "certainly valid" in a fraction of that time;
 * anything else goes to the general validator, which stays the one that words the problems.
 * It never says "valid" where the general validator would report a problem: nulls pass
 * (the validator's complaints about nulls are dropped, as the API server treats them as absent),
 * and a schema using any other keyword gets no pre-check at all ({@link #compile} returns null).
 */
final class FastCheck {

    private static final int OBJECT = 1;
    private static final int ARRAY = 2;
    private static final int STRING = 4;
    private static final int INTEGER = 8;
    private static final int NUMBER = 16;
    private static final int BOOLEAN = 32;
    private static final int NULL = 64;

    /** Keywords without effect on validity here: annotations, and formats (not asserted). */
    private static final Set<String> INERT = Set.of("description", "title", "default", "example", "format");

    /** One compiled schema; fields are set once while compiling, then only read. */
    private static final class Node {
        int types;
        Map<String, Node> properties;
        boolean noAdditional;
        Node additional;
        String[] required;
        Node items;
        Node ref;
        Node[] oneOf;
        Node[] anyOf;
        Node[] allOf;
        JsonNode[] allowed;
        /** 32 or 64 for {@code format: int32/int64}: integers beyond that many bits fail. */
        int integerBits;
    }

    /** Thrown while compiling when a schema uses a keyword this check does not evaluate. */
    private static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported() {
            super(null, null, false, false);
        }
    }

    private final Node root;

    private FastCheck(Node root) {
        this.root = root;
    }

    /**
     * The pre-check of {@code root} within {@code definitions}, or null if any schema it reaches
     * uses a keyword outside the supported subset.
     */
    static FastCheck compile(ObjectNode definitions, String root) {
        var named = new HashMap<String, Node>();
        try {
            return new FastCheck(definition(definitions, root, named));
        } catch (Unsupported e) {
            return null;
        }
    }

    private static Node definition(ObjectNode definitions, String name, Map<String, Node> named) throws Unsupported {
        var existing = named.get(name);
        if (existing != null) {
            return existing;
        }
        var schema = definitions.get(name);
        if (schema == null || !schema.isObject()) {
            throw new Unsupported();
        }
        var node = new Node();
        named.put(name, node); // before compiling, so recursive definitions close the loop
        fill(node, schema, definitions, named);
        return node;
    }

    private static Node schema(JsonNode schema, ObjectNode definitions, Map<String, Node> named) throws Unsupported {
        if (!schema.isObject()) {
            throw new Unsupported();
        }
        var node = new Node();
        fill(node, schema, definitions, named);
        return node;
    }

    private static void fill(Node node, JsonNode schema, ObjectNode definitions, Map<String, Node> named)
            throws Unsupported {
        if (schema.has("$ref")) {
            for (var keyword : schema.propertyNames()) {
                if (!keyword.equals("$ref") && !INERT.contains(keyword)) {
                    throw new Unsupported(); // siblings of $ref: leave to the general validator
                }
            }
            var ref = schema.get("$ref");
            if (!ref.isString()) {
                throw new Unsupported();
            }
            node.ref = definition(definitions, SchemaCompiler.refName(ref.asString()), named);
            return;
        }
        for (var entry : schema.properties()) {
            var value = entry.getValue();
            switch (entry.getKey()) {
                case "type" -> node.types = types(value);
                case "properties" -> {
                    if (!value.isObject()) {
                        throw new Unsupported();
                    }
                    node.properties = new HashMap<>();
                    for (var property : value.properties()) {
                        node.properties.put(property.getKey(), schema(property.getValue(), definitions, named));
                    }
                }
                case "additionalProperties" -> {
                    if (value.isBoolean()) {
                        node.noAdditional = !value.asBoolean();
                    } else {
                        node.additional = schema(value, definitions, named);
                    }
                }
                case "required" -> {
                    if (!value.isArray()) {
                        throw new Unsupported();
                    }
                    node.required = new String[value.size()];
                    for (int i = 0; i < value.size(); i++) {
                        if (!value.get(i).isString()) {
                            throw new Unsupported();
                        }
                        node.required[i] = value.get(i).asString();
                    }
                }
                case "items" -> node.items = schema(value, definitions, named);
                case "enum" -> {
                    if (!value.isArray() || value.isEmpty()) {
                        throw new Unsupported();
                    }
                    node.allowed = new JsonNode[value.size()];
                    for (int i = 0; i < value.size(); i++) {
                        node.allowed[i] = value.get(i);
                    }
                }
                case "format" -> node.integerBits = IntegerFormats.bits(value);
                case "oneOf" -> node.oneOf = list(value, definitions, named);
                case "anyOf" -> node.anyOf = list(value, definitions, named);
                case "allOf" -> node.allOf = list(value, definitions, named);
                default -> {
                    if (!INERT.contains(entry.getKey())) {
                        throw new Unsupported();
                    }
                }
            }
        }
    }

    private static Node[] list(JsonNode value, ObjectNode definitions, Map<String, Node> named) throws Unsupported {
        if (!value.isArray() || value.isEmpty()) {
            throw new Unsupported();
        }
        var nodes = new Node[value.size()];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = schema(value.get(i), definitions, named);
        }
        return nodes;
    }

    private static int types(JsonNode value) throws Unsupported {
        if (value.isString()) {
            return type(value.asString());
        }
        if (value.isArray() && !value.isEmpty()) {
            int mask = 0;
            for (var item : value) {
                if (!item.isString()) {
                    throw new Unsupported();
                }
                mask |= type(item.asString());
            }
            return mask;
        }
        throw new Unsupported();
    }

    private static int type(String name) throws Unsupported {
        return switch (name) {
            case "object" -> OBJECT;
            case "array" -> ARRAY;
            case "string" -> STRING;
            case "integer" -> INTEGER;
            case "number" -> NUMBER | INTEGER;
            case "boolean" -> BOOLEAN;
            case "null" -> NULL;
            default -> throw new Unsupported();
        };
    }

    /** True only if the object certainly has no schema problem. */
    boolean passes(JsonNode object) {
        return passes(root, object);
    }

    private static boolean passes(Node schema, JsonNode value) {
        if (value.isNull()) {
            return true;
        }
        while (schema.ref != null) {
            schema = schema.ref;
        }
        if (schema.types != 0 && (schema.types & typeOf(value)) == 0) {
            return false;
        }
        if (schema.allowed != null && !isAllowed(schema.allowed, value)) {
            return false;
        }
        if (schema.integerBits != 0 && !IntegerFormats.fits(value, schema.integerBits)) {
            return false;
        }
        if (value.isObject() && !passesObject(schema, value)) {
            return false;
        }
        if (value.isArray() && schema.items != null) {
            for (var item : value) {
                if (!passes(schema.items, item)) {
                    return false;
                }
            }
        }
        if (schema.allOf != null) {
            for (var branch : schema.allOf) {
                if (!passes(branch, value)) {
                    return false;
                }
            }
        }
        if (schema.anyOf != null && matching(schema.anyOf, value) == 0) {
            return false;
        }
        return schema.oneOf == null || matching(schema.oneOf, value) == 1;
    }

    /** Exact equality only: where the general validator is more lenient (1 and 1.0), it decides. */
    private static boolean isAllowed(JsonNode[] allowed, JsonNode value) {
        for (var candidate : allowed) {
            if (candidate.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean passesObject(Node schema, JsonNode value) {
        if (schema.required != null) {
            for (var name : schema.required) {
                if (!value.has(name)) {
                    return false;
                }
            }
        }
        if (schema.properties == null && schema.additional == null && !schema.noAdditional) {
            return true;
        }
        // by name, not by entry: a frozen tree makes an entry object per step, and this runs on every object node
        for (var name : value.propertyNames()) {
            var property = schema.properties == null ? null : schema.properties.get(name);
            if (property != null) {
                if (!passes(property, value.get(name))) {
                    return false;
                }
            } else if (schema.noAdditional) {
                return false;
            } else if (schema.additional != null && !passes(schema.additional, value.get(name))) {
                return false;
            }
        }
        return true;
    }

    private static int matching(Node[] branches, JsonNode value) {
        int count = 0;
        for (var branch : branches) {
            if (passes(branch, value)) {
                count++;
            }
        }
        return count;
    }

    /** The JSON type of a value; anything unusual (binary, POJO) matches no type, so it goes to the general validator. */
    private static int typeOf(JsonNode value) {
        if (value.isObject()) {
            return OBJECT;
        }
        if (value.isArray()) {
            return ARRAY;
        }
        if (value.isString()) {
            return STRING;
        }
        if (value.isIntegralNumber()) {
            return INTEGER;
        }
        if (value.isNumber()) {
            return NUMBER;
        }
        if (value.isBoolean()) {
            return BOOLEAN;
        }
        return 0;
    }
}
