package dev.manifestkit.validation.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.manifestkit.core.MessageText;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the {@code openAPIV3Schema} of a CustomResourceDefinition version into a definition that
 * {@link SchemaCompiler} compiles like any other, with the meaning the API server gives it.
 *
 * <ul>
 * <li>Only the keywords a definition's schema may use are kept; {@code $ref}, {@code $schema},
 *     {@code id}, {@code definitions} and other keywords the API server refuses in a
 *     definition are dropped, so nothing is fetched or resolved outside the schema.</li>
 * <li>Strict mode: an object with neither {@code properties}, {@code additionalProperties} nor
 *     {@code x-kubernetes-preserve-unknown-fields} keeps no field (the server prunes them all),
 *     so it gets {@code additionalProperties: false}; objects with {@code properties} get it from
 *     the compiler. {@code x-kubernetes-preserve-unknown-fields} is honoured at every level,
 *     the root included.</li>
 * <li>{@code x-kubernetes-int-or-string: true} is a string or an integer (the compiler's
 *     widening). {@code nullable} needs nothing: a null counts as absent in every case, as the
 *     server prunes nulls that are not nullable.</li>
 * <li>The root gets {@code apiVersion} and {@code kind} as strings and {@code metadata} as the
 *     official ObjectMeta (with the definition's own {@code name}/{@code generateName}
 *     restrictions, the only ones the server allows there), unless it names them itself.</li>
 * <li>Branches of {@code allOf}/{@code anyOf}/{@code oneOf}/{@code not} only add constraints,
 *     so they never make fields unknown.</li>
 * <li>{@code x-kubernetes-embedded-resource} objects may hold {@code apiVersion}, {@code kind}
 *     and {@code metadata}; a declared {@code metadata} (controller-gen writes {@code type: object})
 *     constrains but makes none of its fields unknown, as the server's pruning passes over an
 *     embedded resource's metadata. {@code x-kubernetes-list-type},
 *     {@code -list-map-keys} and {@code -map-type} are not kept: {@link CustomResourceLists}
 *     checks set and map lists. Not evaluated: {@code x-kubernetes-validations} (CEL) and
 *     patterns Java cannot compile (RE2 syntax Java lacks). Defaults are not applied, but a required
 *     property with a default is not required: the server fills it in first.</li>
 * </ul>
 */
final class CustomResourceSchemaConverter {

    static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";

    private static final Set<String> KEPT = Set.of("type", "format", "title", "maximum", "exclusiveMaximum", "minimum",
            "exclusiveMinimum", "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems",
            "multipleOf", "enum", "maxProperties", "minProperties", "required", "items", "allOf", "oneOf", "anyOf",
            "not", "properties", "additionalProperties", "x-kubernetes-preserve-unknown-fields",
            "x-kubernetes-int-or-string");
    private static final Set<String> TYPES = Set.of("object", "array", "string", "integer", "number", "boolean");
    private static final String PRESERVE = "x-kubernetes-preserve-unknown-fields";

    private final boolean strict;
    /** Converting the schema a {@code default} is checked against ({@link CustomResourceDefaults}), not a custom resource's. */
    private final boolean forDefaults;

    CustomResourceSchemaConverter(boolean strict) {
        this(strict, false);
    }

    private CustomResourceSchemaConverter(boolean strict, boolean forDefaults) {
        this.strict = strict;
        this.forDefaults = forDefaults;
    }

    /**
     * The schema a {@code default} value is validated against, as {@code ValidateDefaults} builds
     * it ({@code Structural.ToKubeOpenAPI}) where it differs from a custom resource's: unknown
     * fields are left to the pruning check, a required property is required even if it has a
     * default of its own (defaults are not applied to a default), and an
     * {@code x-kubernetes-int-or-string} schema without its {@code anyOf} has no type at all.
     */
    static ObjectNode defaultSchema(JsonNode schema) {
        return new CustomResourceSchemaConverter(false, true).convert(schema, false);
    }

    /**
     * The definition of the root object.
     *
     * @param objectMeta the official ObjectMeta definition to restrict, or null if none is known
     *                   ({@code metadata} then accepts any object)
     * @param metaName   the name of the restricted copy of ObjectMeta, if one is needed
     * @param restrictedMeta receives the restricted copy of ObjectMeta, if one is needed
     * @throws IllegalArgumentException if the schema is not an object schema
     */
    ObjectNode root(JsonNode schema, ObjectNode objectMeta, String metaName, ObjectNode restrictedMeta) {
        if (!schema.isObject()) {
            throw new IllegalArgumentException("openAPIV3Schema is not an object");
        }
        var type = schema.get("type");
        if (type != null && !(type.isString() && type.asString().equals("object"))) {
            throw new IllegalArgumentException("the root must be of type object, not " + type);
        }
        var root = convert(schema, false);
        if (!schema.has("additionalProperties") && root.path("additionalProperties").isBoolean()) {
            root.remove("additionalProperties"); // added for want of properties; the root gets some below
        }
        var properties = root.get("properties") instanceof ObjectNode p ? p : root.putObject("properties");
        for (var field : new String[] {"apiVersion", "kind"}) {
            if (!properties.has(field)) {
                properties.putObject(field).put("type", "string");
            }
        }
        properties.set("metadata", metadata(schema.path("properties").path("metadata"), objectMeta, metaName,
                restrictedMeta));
        root.put("type", "object");
        return root;
    }

    private ObjectNode metadata(JsonNode declared, ObjectNode objectMeta, String metaName, ObjectNode restrictedMeta) {
        if (objectMeta == null) {
            var any = Definitions.JSON.createObjectNode().put("type", "object");
            any.put(PRESERVE, true);
            return any;
        }
        var restricted = false;
        var meta = objectMeta.deepCopy();
        for (var field : new String[] {"name", "generateName"}) {
            var schema = declared.path("properties").get(field);
            if (schema != null && schema.isObject() && meta.get("properties") instanceof ObjectNode properties) {
                var converted = convert(schema, true);
                converted.put("type", "string");
                properties.set(field, converted);
                restricted = true;
            }
        }
        if (restricted) {
            restrictedMeta.setAll(meta);
            return Definitions.JSON.createObjectNode().put("$ref", "#/definitions/" + metaName);
        }
        return Definitions.JSON.createObjectNode().put("$ref", "#/definitions/" + OBJECT_META);
    }

    /**
     * What is wrong with a schema, as the API server refuses the definition for it.
     *
     * @param typeError whether the official definition of CustomResourceDefinition already
     *                  refuses it (a keyword of the wrong JSON type), so the schema rule reports it
     *                  on the definition anyway
     */
    record StructuralProblem(FieldPath path, ErrorType type, String badValue, String detail, boolean typeError) {

        StructuralProblem(FieldPath path, ErrorType type, String badValue, String detail) {
            this(path, type, badValue, detail, false);
        }
    }

    /**
     * The problems of a definition's {@code openAPIV3Schema} that make the API server refuse the
     * definition: see {@link OpenApiSchemaChecks}.
     *
     * @param at            the path of the schema itself, such as {@code spec.validation.openAPIV3Schema}
     * @param statusEnabled whether the status subresource applies to the schema
     */
    static List<StructuralProblem> problems(JsonNode schema, FieldPath at, boolean statusEnabled) {
        return OpenApiSchemaChecks.problems(schema, at, statusEnabled);
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    private static final String LIST_TYPE = "x-kubernetes-list-type";
    private static final String MAP_KEYS = "x-kubernetes-list-map-keys";
    private static final String MAP_TYPE = "x-kubernetes-map-type";

    /**
     * The list and map types as ValidateCustomResourceDefinitionOpenAPISchema (with
     * requireAtomicSetType and requireMapListKeysMapSetValidation, on for every create) refuses them: a list type only on an array,
     * one of atomic, set or map; map keys only for a map list, which needs them, object items,
     * and keys that are scalar, required or defaulted, not nullable properties of the items; a set
     * of atomic items only; items of a set or map list not nullable; a map type only on an
     * object, atomic or granular. Keywords of the wrong JSON type are the official schema's finding.
     * (In a logical branch, where these are refused anyway, {@link OpenApiSchemaChecks} says so.)
     */
    static void listTypes(JsonNode schema, FieldPath at, List<StructuralProblem> problems) {
        var typeNode = schema.get("type");
        var type = typeNode == null ? "" : typeNode.isString() ? typeNode.asString() : null;
        var listType = schema.path(LIST_TYPE).isString() ? schema.get(LIST_TYPE).asString() : null;
        var mapType = schema.path(MAP_TYPE).isString() ? schema.get(MAP_TYPE).asString() : null;
        var keys = new ArrayList<String>();
        if (schema.path(MAP_KEYS).isArray() && allStrings(schema.get(MAP_KEYS))) {
            schema.get(MAP_KEYS).forEach(key -> keys.add(key.asString()));
        }
        if (type == null) {
            return; // a type that is no string: the official schema's finding
        }
        if (mapType != null && !type.equals("object")) {
            problems.add(mustBe(at, type, "object if x-kubernetes-map-type is specified"));
        }
        if (mapType != null && !mapType.equals("atomic") && !mapType.equals("granular")) {
            problems.add(new StructuralProblem(at.child(MAP_TYPE), ErrorType.NOT_SUPPORTED, MessageText.quote(mapType),
                    "supported values: \"atomic\", \"granular\""));
        }
        var items = schema.get("items") instanceof ObjectNode object ? object : null;
        var itemsType = items == null ? "" : items.path("type").asString("");
        if (listType != null && !type.equals("array")) {
            problems.add(mustBe(at, type, "array if x-kubernetes-list-type is specified"));
        } else if ("set".equals(listType) && items != null) {
            var itemsListType = items.path(LIST_TYPE).isString() ? items.get(LIST_TYPE).asString() : null;
            if (itemsType.equals("array") && itemsListType != null && !itemsListType.equals("atomic")) {
                problems.add(new StructuralProblem(at.child("items").child(LIST_TYPE), ErrorType.INVALID,
                        MessageText.quote(itemsListType), "must be atomic as item of a list with x-kubernetes-list-type=set"));
            } else if (itemsType.equals("object") && !"atomic".equals(items.path(MAP_TYPE).asString(null))) {
                // the Go code quotes the items' list type here, a nil pointer printed as "null"
                problems.add(new StructuralProblem(at.child("items").child(MAP_TYPE), ErrorType.INVALID,
                        MessageText.quote(itemsListType == null ? "null" : itemsListType),
                        "must be atomic as item of a list with x-kubernetes-list-type=set"));
            }
        }
        if (listType != null && !listType.equals("atomic") && !listType.equals("set") && !listType.equals("map")) {
            problems.add(new StructuralProblem(at.child(LIST_TYPE), ErrorType.NOT_SUPPORTED, MessageText.quote(listType),
                    "supported values: \"atomic\", \"set\", \"map\""));
        }
        if (!keys.isEmpty() && listType == null) {
            problems.add(new StructuralProblem(at.child(LIST_TYPE), ErrorType.REQUIRED, null,
                    "must be map if x-kubernetes-list-map-keys is non-empty"));
        } else if (!keys.isEmpty() && !listType.equals("map")) {
            problems.add(new StructuralProblem(at.child(LIST_TYPE), ErrorType.INVALID, MessageText.quote(listType),
                    "must be map if x-kubernetes-list-map-keys is non-empty"));
        }
        if ("map".equals(listType)) {
            mapList(schema, items, itemsType, keys, at, problems);
        }
        if (items != null && ("set".equals(listType) || "map".equals(listType))) {
            mapListKeysMapSet(items, listType, keys, at, problems);
        }
    }

    /** The map-list part of ValidateCustomResourceDefinitionOpenAPISchema; a message said twice is said once, as ToAggregate does. */
    private static void mapList(JsonNode schema, ObjectNode items, String itemsType, List<String> keys, FieldPath at,
                                List<StructuralProblem> problems) {
        if (keys.isEmpty()) {
            problems.add(new StructuralProblem(at.child(MAP_KEYS), ErrorType.REQUIRED, null,
                    "must not be empty if x-kubernetes-list-type is map"));
        }
        if (!schema.has("items")) {
            problems.add(new StructuralProblem(at.child("items"), ErrorType.REQUIRED, null,
                    "must have a schema if x-kubernetes-list-type is map"));
        }
        if (items == null) {
            return; // items as a list: refused already
        }
        if (!itemsType.equals("object")) {
            problems.add(new StructuralProblem(at.child("items").child("type"), ErrorType.INVALID, quoted(itemsType),
                    "must be object if parent array's x-kubernetes-list-type is map"));
            return;
        }
        var keyList = goStrings(keys);
        var seen = new HashSet<String>();
        boolean missing = false;
        boolean repeated = false;
        for (var key : keys) {
            var property = items.path("properties").get(key);
            if (property != null && property.isObject()) {
                var keyType = property.path("type").asString("");
                if (keyType.equals("array") || keyType.equals("object")) {
                    // the Go code quotes the items' type here, which is "object"
                    problems.add(new StructuralProblem(at.child("items").child("properties").key(key).child("type"),
                            ErrorType.INVALID, quoted(itemsType),
                            "must be a scalar type if parent array's x-kubernetes-list-type is map"));
                }
            } else if (!missing) {
                missing = true;
                problems.add(new StructuralProblem(at.child(MAP_KEYS), ErrorType.INVALID, keyList,
                        "entries must all be names of item properties"));
            }
            if (!seen.add(key) && !repeated) {
                repeated = true;
                problems.add(new StructuralProblem(at.child(MAP_KEYS), ErrorType.INVALID, keyList,
                        "must not contain duplicate entries"));
            }
        }
    }

    /** validateMapListKeysMapSet: set and map items not nullable, map keys required or defaulted and not nullable. */
    private static void mapListKeysMapSet(ObjectNode items, String listType, List<String> keys, FieldPath at,
                                          List<StructuralProblem> problems) {
        if (items.path("nullable").asBoolean(false)) {
            problems.add(new StructuralProblem(at.child("items").child("nullable"), ErrorType.FORBIDDEN, null,
                    "cannot be nullable when x-kubernetes-list-type is " + listType));
        }
        if (!listType.equals("map")) {
            return;
        }
        var required = new HashSet<String>();
        items.path("required").forEach(name -> required.add(name.asString("")));
        for (var key : new LinkedHashSet<>(keys)) {
            var property = items.path("properties").get(key);
            if (property == null || !property.isObject()) {
                continue;
            }
            var keyAt = at.child("items").child("properties").key(key);
            var defaulted = property.get("default") != null && !property.get("default").isNull();
            if (!required.contains(key) && !defaulted) {
                problems.add(new StructuralProblem(keyAt.child("default"), ErrorType.REQUIRED, null,
                        "this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property"));
            }
            if (property.path("nullable").asBoolean(false)) {
                problems.add(new StructuralProblem(keyAt.child("nullable"), ErrorType.FORBIDDEN, null,
                        "this property is in x-kubernetes-list-map-keys, so it cannot be nullable"));
            }
        }
    }

    /** {@code type: Required value} if there is none, else {@code Invalid value}, "must be …". */
    private static StructuralProblem mustBe(FieldPath at, String type, String what) {
        return type.isEmpty()
                ? new StructuralProblem(at.child("type"), ErrorType.REQUIRED, null, "must be " + what)
                : new StructuralProblem(at.child("type"), ErrorType.INVALID, quoted(type), "must be " + what);
    }

    /** A {@code []string} as Go's {@code %#v} prints it: {@code []string{"name", "port"}}. */
    private static String goStrings(List<String> values) {
        var sb = new StringBuilder("[]string{");
        for (int i = 0; i < values.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(MessageText.quote(values.get(i)));
        }
        return sb.append('}').toString();
    }

    private static boolean allStrings(JsonNode array) {
        for (var item : array) {
            if (!item.isString()) {
                return false;
            }
        }
        return true;
    }

    /** One schema, recursively; {@code constraintOnly} inside logical branches. */
    private ObjectNode convert(JsonNode schema, boolean constraintOnly) {
        var copy = Definitions.JSON.createObjectNode();
        for (var entry : schema.properties()) {
            var keyword = entry.getKey();
            var value = entry.getValue();
            if (!KEPT.contains(keyword)) {
                continue;
            }
            switch (keyword) {
                case "type" -> {
                    if (value.isString() && TYPES.contains(value.asString())) {
                        copy.set(keyword, value);
                    }
                }
                case "format" -> copy.set(keyword, "int32".equals(value.asString(null)) ? copy.stringNode("int64") : value);
                case "pattern" -> {
                    if (value.isString() && GoRegularExpressions.compiles(value.asString())) {
                        copy.set(keyword, value); // matched as Go matches it (GoRegularExpressions)
                    }
                }
                case "properties" -> {
                    if (value.isObject()) {
                        var properties = copy.putObject("properties");
                        for (var property : value.properties()) {
                            if (property.getValue().isObject()) {
                                properties.set(property.getKey(), convert(property.getValue(), constraintOnly));
                            }
                        }
                    }
                }
                case "items" -> {
                    if (value.isObject()) {
                        copy.set(keyword, convert(value, constraintOnly));
                    } else if (value.isArray()) {
                        var items = copy.putArray(keyword);
                        value.forEach(item -> items.add(item.isObject() ? convert(item, constraintOnly)
                                : Definitions.JSON.createObjectNode()));
                    }
                }
                case "additionalProperties" -> {
                    if (value.isObject()) {
                        copy.set(keyword, convert(value, constraintOnly));
                    } else if (value.isBoolean()) {
                        copy.set(keyword, value);
                    }
                }
                case "not" -> {
                    if (value.isObject()) {
                        copy.set(keyword, convert(value, true));
                    }
                }
                case "allOf", "anyOf", "oneOf" -> {
                    if (value.isArray()) {
                        var branches = copy.putArray(keyword);
                        value.forEach(item -> branches.add(item.isObject() ? convert(item, true)
                                : Definitions.JSON.createObjectNode()));
                    }
                }
                default -> copy.set(keyword, value);
            }
        }
        if (!forDefaults) {
            dropDefaultedFromRequired(schema, copy);
        }
        if (!constraintOnly && "integer".equals(copy.path("type").asString(null)) && !copy.has("format")) {
            copy.put("format", "int64");
        }
        if (copy.path("x-kubernetes-int-or-string").asBoolean(false) && isIntegerOrString(copy.get("anyOf"))) {
            copy.remove("anyOf"); // the usual spelling: the compiler's own widening words it better
        } else if (forDefaults && copy.path("x-kubernetes-int-or-string").asBoolean(false) && !copy.has("anyOf")
                && !copy.has("allOf")) {
            copy.remove("x-kubernetes-int-or-string"); // ToKubeOpenAPI keeps no type for it: only its anyOf checks one
        }
        if (schema.path("x-kubernetes-embedded-resource").asBoolean(false)) {
            var properties = copy.get("properties") instanceof ObjectNode p ? p : copy.putObject("properties");
            for (var field : new String[] {"apiVersion", "kind"}) {
                if (!properties.has(field)) {
                    properties.putObject(field).put("type", "string");
                }
            }
            // the server's pruning skips an embedded resource's apiVersion, kind and metadata
            // whatever the schema says of them, so a declared metadata only constrains
            var metadata = schema.path("properties").get("metadata");
            if (metadata != null && metadata.isObject()) {
                properties.set("metadata", convert(metadata, true));
            } else {
                properties.putObject("metadata").put("type", "object").put(PRESERVE, true);
            }
        }
        if (constraintOnly) {
            copy.put(PRESERVE, true); // the compiler makes no field of a branch unknown
        } else if (strict && "object".equals(copy.path("type").asString(null)) && !copy.has("properties")
                && !copy.has("additionalProperties") && !copy.path(PRESERVE).asBoolean(false)) {
            copy.put("additionalProperties", false);
        }
        return copy;
    }

    /**
     * The API server applies a property's {@code default} before it validates (when the field is
     * absent, or null and not nullable), so a required property with a default is never missing
     * (the pattern kubebuilder makes of a defaulted field without omitempty).
     */
    private static void dropDefaultedFromRequired(JsonNode schema, ObjectNode copy) {
        if (!(copy.get("required") instanceof ArrayNode required) || !schema.path("properties").isObject()) {
            return;
        }
        var properties = schema.path("properties");
        var kept = Definitions.JSON.createArrayNode();
        for (var name : required) {
            var property = name.isString() ? properties.get(name.asString()) : null;
            if (property == null || !property.has("default")) {
                kept.add(name);
            }
        }
        if (kept.size() == required.size()) {
            return;
        }
        if (kept.isEmpty()) {
            copy.remove("required");
        } else {
            copy.set("required", kept);
        }
    }

    /** {@code [{type: integer}, {type: string}]}, in either order (the branches carry the constraint marker). */
    private static boolean isIntegerOrString(JsonNode branches) {
        if (branches == null || !branches.isArray() || branches.size() != 2) {
            return false;
        }
        var types = new HashSet<String>();
        for (var branch : branches) {
            for (var keyword : branch.propertyNames()) {
                if (!keyword.equals("type") && !keyword.equals(PRESERVE)) {
                    return false;
                }
            }
            types.add(branch.path("type").asString(""));
        }
        return types.equals(Set.of("integer", "string"));
    }
}
