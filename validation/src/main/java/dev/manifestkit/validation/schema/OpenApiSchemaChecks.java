package dev.manifestkit.validation.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import dev.manifestkit.core.MessageText;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.schema.CustomResourceSchemaConverter.StructuralProblem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The checks apiextensions' {@code validateCustomResourceDefinitionValidation} makes of one
 * {@code openAPIV3Schema} on create, in its order:
 *
 * <ol>
 * <li>with the status subresource, only some keywords at the root, and type object;</li>
 * <li>no {@code nullable} at the root;</li>
 * <li>the structural schema ({@code NewStructural}; if that fails, its error is shown only when
 *     nothing else is wrong): {@code ValidateStructural}'s invariants and completeness, and if
 *     those hold, {@code ValidateDefaults} ({@link CustomResourceDefaults});</li>
 * <li>{@code ValidateCustomResourceDefinitionOpenAPISchema}: keywords a definition may not use,
 *     defaults where they are forbidden, list and map types, the structure of
 *     {@code x-kubernetes-validations} rules (their CEL is not compiled).</li>
 * </ol>
 *
 * Not checked: anything that needs CEL.
 */
final class OpenApiSchemaChecks {

    private static final String PRESERVE = "x-kubernetes-preserve-unknown-fields";
    private static final String EMBEDDED = "x-kubernetes-embedded-resource";
    private static final String INT_OR_STRING = "x-kubernetes-int-or-string";
    private static final String LIST_TYPE = "x-kubernetes-list-type";
    private static final String MAP_KEYS = "x-kubernetes-list-map-keys";
    private static final String MAP_TYPE = "x-kubernetes-map-type";
    private static final String VALIDATIONS = "x-kubernetes-validations";
    private static final Set<String> TYPES = Set.of("object", "array", "string", "integer", "number", "boolean");
    private static final Set<String> META_FIELDS = Set.of("metadata", "kind", "apiVersion");
    private static final List<String> REASONS = List.of("FieldValueDuplicate", "FieldValueForbidden",
            "FieldValueInvalid", "FieldValueRequired");
    private static final java.util.regex.Pattern NEWLINES = java.util.regex.Pattern.compile("[\\n\\r]");

    /**
     * The fields of the internal JSONSchemaProps in declaration order, by the keyword each is
     * spelled with, as the status-subresource check at the root walks them; those it allows.
     */
    private static final Map<String, String> GO_FIELDS = linked("id", "ID", "$schema", "Schema", "$ref", "Ref",
            "description", "Description", "type", "Type", "nullable", "Nullable", "format", "Format", "title", "Title",
            "default", "Default", "maximum", "Maximum", "exclusiveMaximum", "ExclusiveMaximum", "minimum", "Minimum",
            "exclusiveMinimum", "ExclusiveMinimum", "maxLength", "MaxLength", "minLength", "MinLength", "pattern",
            "Pattern", "maxItems", "MaxItems", "minItems", "MinItems", "uniqueItems", "UniqueItems", "multipleOf",
            "MultipleOf", "enum", "Enum", "maxProperties", "MaxProperties", "minProperties", "MinProperties",
            "required", "Required", "items", "Items", "allOf", "AllOf", "oneOf", "OneOf", "anyOf", "AnyOf", "not",
            "Not", "properties", "Properties", "additionalProperties", "AdditionalProperties", "patternProperties",
            "PatternProperties", "dependencies", "Dependencies", "additionalItems", "AdditionalItems", "definitions",
            "Definitions", "externalDocs", "ExternalDocs", "example", "Example", PRESERVE, "XPreserveUnknownFields",
            EMBEDDED, "XEmbeddedResource", INT_OR_STRING, "XIntOrString", MAP_KEYS, "XListMapKeys", LIST_TYPE,
            "XListType", MAP_TYPE, "XMapType", VALIDATIONS, "XValidations");
    private static final List<String> ALLOWED_AT_STATUS_ROOT = List.of("Description", "Type", "Format", "Title",
            "Maximum", "ExclusiveMaximum", "Minimum", "ExclusiveMinimum", "MaxLength", "MinLength", "Pattern",
            "MaxItems", "MinItems", "UniqueItems", "MultipleOf", "Required", "Items", "Properties", "ExternalDocs",
            "Example", "XPreserveUnknownFields", "XValidations");
    private static final Set<String> BOOLEAN_FIELDS = Set.of("nullable", "uniqueItems", "exclusiveMaximum",
            "exclusiveMinimum", EMBEDDED, INT_OR_STRING);
    private static final Set<String> STRING_FIELDS = Set.of("id", "$schema", "description", "type", "format", "title",
            "pattern");

    private OpenApiSchemaChecks() {
    }

    private static Map<String, String> linked(String... pairs) {
        var map = new java.util.LinkedHashMap<String, String>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    /**
     * What the API server finds wrong with one {@code openAPIV3Schema}.
     *
     * @param at            the schema's path: {@code spec.validation.openAPIV3Schema} when every
     *                      version has the same schema (the v1 conversion moves it there), else
     *                      {@code spec.versions[i].schema.openAPIV3Schema}
     * @param statusEnabled whether the status subresource applies to the schema
     */
    static List<StructuralProblem> problems(JsonNode schema, FieldPath at, boolean statusEnabled) {
        var problems = new ArrayList<StructuralProblem>();
        if (!schema.isObject()) {
            return problems;
        }
        if (statusEnabled) {
            statusRoot(schema, at, problems);
        }
        if (isTrue(schema, "nullable")) {
            problems.add(new StructuralProblem(at.child("nullable"), ErrorType.FORBIDDEN, null,
                    "nullable cannot be true at the root"));
        }
        var notStructural = newStructuralError(schema);
        if (notStructural == null) {
            var structural = new ArrayList<StructuralProblem>();
            invariants(schema, Level.ROOT, at, structural);
            completeness(schema, schema, at, at, structural);
            problems.addAll(structural);
            if (structural.isEmpty()) {
                CustomResourceDefaults.problems(schema, at, problems);
            }
        }
        openApi(schema, at, new Context(true, "", false), true, problems);
        if (problems.isEmpty() && notStructural != null) {
            problems.add(new StructuralProblem(at, ErrorType.INVALID, "\"\"", notStructural));
        }
        return problems;
    }

    /** With the status subresource the root may use some keywords only, and type object. */
    private static void statusRoot(JsonNode schema, FieldPath at, List<StructuralProblem> problems) {
        for (var field : GO_FIELDS.entrySet()) {
            var value = schema.get(field.getKey());
            if (!nonZero(field.getKey(), value)) {
                continue;
            }
            if (field.getValue().equals("Type")) {
                if (!value.isString() || !value.asString().equals("object")) {
                    problems.add(new StructuralProblem(at.child("type"), ErrorType.INVALID, value.toString(),
                            "only \"object\" is allowed as the type at the root of the schema if the status "
                                    + "subresource is enabled"));
                    return;
                }
                continue;
            }
            if (!ALLOWED_AT_STATUS_ROOT.contains(field.getValue())) {
                problems.add(new StructuralProblem(at, ErrorType.INVALID, null, "only ["
                        + String.join(" ", ALLOWED_AT_STATUS_ROOT) + "] fields are allowed at the root of the schema "
                        + "if the status subresource is enabled"));
                return;
            }
        }
    }

    /** Whether a keyword's value is other than its Go field's zero value (false, "", nil). */
    private static boolean nonZero(String keyword, JsonNode value) {
        if (value == null || value.isNull()) {
            return false;
        }
        if (BOOLEAN_FIELDS.contains(keyword)) {
            return !value.isBoolean() || value.asBoolean();
        }
        if (STRING_FIELDS.contains(keyword)) {
            return !value.isString() || !value.asString().isEmpty();
        }
        return true;
    }

    // ---- NewStructural ---------------------------------------------------------------------

    /** The error {@code NewStructural} stops at, or null if the schema converts. */
    private static String newStructuralError(JsonNode schema) {
        if (!schema.isObject()) {
            return null;
        }
        var unsupported = unsupportedField(schema);
        if (unsupported != null) {
            return unsupported;
        }
        for (var branch : branches(schema)) {
            var error = newStructuralError(branch);
            if (error != null) {
                return error;
            }
        }
        var additional = schema.get("additionalProperties");
        if (additional != null && additional.isObject()) {
            var error = newStructuralError(additional);
            if (error != null) {
                return error;
            }
        }
        var preserve = schema.get(PRESERVE);
        if (preserve != null && preserve.isBoolean() && !preserve.asBoolean()) {
            return "internal error: 'x-kubernetes-preserve-unknown-fields' must be true or undefined";
        }
        var items = schema.get("items");
        if (items != null && items.isArray() && !items.isEmpty()) {
            return "OpenAPIV3Schema 'items' must be a schema, but is an array";
        }
        if (items != null && items.isObject()) {
            var error = newStructuralError(items);
            if (error != null) {
                return error;
            }
        }
        for (var property : properties(schema)) {
            var error = newStructuralError(property.getValue());
            if (error != null) {
                return error;
            }
        }
        return null;
    }

    /** The logical branches in the order newValueValidation converts them: not, allOf, anyOf, oneOf. */
    private static List<JsonNode> branches(JsonNode schema) {
        var branches = new ArrayList<JsonNode>();
        if (schema.get("not") instanceof ObjectNode not) {
            branches.add(not);
        }
        for (var keyword : new String[] {"allOf", "anyOf", "oneOf"}) {
            var list = schema.get(keyword);
            if (list != null && list.isArray()) {
                list.forEach(branch -> {
                    if (branch.isObject()) {
                        branches.add(branch);
                    }
                });
            }
        }
        return branches;
    }

    /** validateUnsupportedFields. */
    private static String unsupportedField(JsonNode schema) {
        if (nonEmptyString(schema, "id")) {
            return "OpenAPIV3Schema 'id' is not supported";
        }
        if (nonEmptyString(schema, "$schema")) {
            return "OpenAPIV3Schema 'schema' is not supported";
        }
        if (nonEmptyString(schema, "$ref")) {
            return "OpenAPIV3Schema '$ref' is not supported";
        }
        if (nonEmptyContainer(schema, "patternProperties")) {
            return "OpenAPIV3Schema 'patternProperties' is not supported";
        }
        if (nonEmptyContainer(schema, "dependencies")) {
            return "OpenAPIV3Schema 'dependencies' is not supported";
        }
        if (present(schema, "additionalItems")) {
            return "OpenAPIV3Schema 'additionalItems' is not supported";
        }
        if (nonEmptyContainer(schema, "definitions")) {
            return "OpenAPIV3Schema 'definitions' is not supported";
        }
        return null;
    }

    // ---- ValidateStructural ---------------------------------------------------------------------

    private enum Level { ROOT, ITEMS, FIELDS }

    /** validateStructuralInvariants, on a schema that converts to a structural one. */
    private static void invariants(JsonNode schema, Level level, FieldPath at, List<StructuralProblem> problems) {
        var type = string(schema, "type");
        var items = schema.get("items") instanceof ObjectNode object ? object : null;
        if (type.equals("array") && items == null) {
            problems.add(new StructuralProblem(at.child("items"), ErrorType.REQUIRED, null, "must be specified"));
        }
        if (items != null) {
            invariants(items, Level.ITEMS, at.child("items"), problems);
        }
        for (var property : properties(schema)) {
            invariants(property.getValue(), Level.FIELDS, at.child("properties").key(property.getKey()), problems);
        }
        var additional = schema.get("additionalProperties");
        if (present(schema, "additionalProperties")) {
            if (level == Level.ROOT) {
                problems.add(new StructuralProblem(at.child("additionalProperties"), ErrorType.FORBIDDEN, null,
                        "must not be used at the root"));
            }
            if (additional.isObject()) {
                invariants(additional, Level.FIELDS, at.child("additionalProperties"), problems);
            }
        }
        boolean intOrString = isTrue(schema, INT_OR_STRING);
        boolean preserve = isTrue(schema, PRESERVE);
        boolean embedded = isTrue(schema, EMBEDDED);
        if (intOrString && preserve) {
            problems.add(new StructuralProblem(at.child(PRESERVE), ErrorType.INVALID, "true",
                    "must be false if x-kubernetes-int-or-string is true"));
        }
        if (intOrString && embedded) {
            problems.add(new StructuralProblem(at.child(EMBEDDED), ErrorType.INVALID, "true",
                    "must be false if x-kubernetes-int-or-string is true"));
        }
        valueValidation(schema, intOrStringAnyOf(schema.get("anyOf")), intOrStringAllOf(schema), level, at, problems);
        boolean checkMetadata = level == Level.ROOT || embedded;
        if (embedded && !type.equals("object")) {
            problems.add(type.isEmpty()
                    ? new StructuralProblem(at.child("type"), ErrorType.REQUIRED, null,
                            "must be object if x-kubernetes-embedded-resource is true")
                    : new StructuralProblem(at.child("type"), ErrorType.INVALID, MessageText.quote(type),
                            "must be object if x-kubernetes-embedded-resource is true"));
        } else if (type.isEmpty() && !intOrString && !preserve) {
            problems.add(new StructuralProblem(at.child("type"), ErrorType.REQUIRED, null, switch (level) {
                case ROOT -> "must not be empty at the root";
                case ITEMS -> "must not be empty for specified array items";
                case FIELDS -> "must not be empty for specified object fields";
            }));
        }
        if (embedded && present(schema, "additionalProperties")) {
            problems.add(new StructuralProblem(at.child("additionalProperties"), ErrorType.FORBIDDEN, null,
                    "must not be used if x-kubernetes-embedded-resource is set"));
        }
        if (level == Level.ROOT && !type.isEmpty() && !type.equals("object")) {
            problems.add(new StructuralProblem(at.child("type"), ErrorType.INVALID, MessageText.quote(type),
                    "must be object at the root"));
        }
        var declared = schema.path("properties");
        for (var field : new String[] {"kind", "apiVersion"}) {
            var property = declared.get(field);
            if (checkMetadata && property != null && property.isObject() && !string(property, "type").equals("string")) {
                problems.add(new StructuralProblem(at.child("properties").key(field).child("type"), ErrorType.INVALID,
                        MessageText.quote(string(property, "type")), "must be string"));
            }
        }
        if (declared.get("metadata") instanceof ObjectNode metadata) {
            metadataInvariants(metadata, checkMetadata, level, at.child("properties").key("metadata"), problems);
        }
        if (embedded && !preserve && properties(schema).isEmpty()) {
            problems.add(new StructuralProblem(at.child("properties"), ErrorType.REQUIRED, null,
                    "must not be empty if x-kubernetes-embedded-resource is true without "
                            + "x-kubernetes-preserve-unknown-fields"));
        }
    }

    /**
     * validateStructuralMetadataInvariants: metadata is an object where a resource's is, and at
     * the root says nothing but (optionally) which properties name and generateName are: with
     * its type and default dropped, and properties that are exactly name, generateName or both,
     * nothing may be left (not even a description).
     */
    private static void metadataInvariants(ObjectNode metadata, boolean checkMetadata, Level level, FieldPath at,
                                           List<StructuralProblem> problems) {
        var type = string(metadata, "type");
        if (checkMetadata && !type.equals("object")) {
            problems.add(new StructuralProblem(at.child("type"), ErrorType.INVALID, MessageText.quote(type),
                    "must be object"));
        }
        if (level != Level.ROOT) {
            return;
        }
        boolean other = false;
        for (var entry : metadata.properties()) {
            var keyword = entry.getKey();
            if (keyword.equals("type") || keyword.equals("default") || keyword.equals("externalDocs")
                    || keyword.equals("example")) {
                continue;
            }
            if (keyword.equals("properties")) {
                var names = new java.util.HashSet<String>();
                entry.getValue().propertyNames().forEach(names::add);
                if (!names.isEmpty() && !names.equals(Set.of("name")) && !names.equals(Set.of("generateName"))
                        && !names.equals(Set.of("name", "generateName"))) {
                    other = true;
                }
                continue;
            }
            other |= structurallySet(keyword, entry.getValue());
        }
        if (other) {
            problems.add(new StructuralProblem(at, ErrorType.FORBIDDEN, null,
                    "must not specify anything other than name and generateName, but metadata is implicitly specified"));
        }
    }

    /** Whether a keyword makes the structural schema differ from an empty one (zero values do not). */
    private static boolean structurallySet(String keyword, JsonNode value) {
        if (value == null || value.isNull()) {
            return false;
        }
        if (keyword.equals(PRESERVE)) {
            return true; // false does not convert at all
        }
        if (keyword.equals("enum") || keyword.equals("required") || keyword.equals(MAP_KEYS)
                || keyword.equals("allOf") || keyword.equals("anyOf") || keyword.equals("oneOf")
                || keyword.equals(VALIDATIONS)) {
            return !(value.isArray() && value.isEmpty()); // converted only element by element
        }
        return nonZero(keyword, value);
    }

    /** validateValueValidation on the branches of a schema (structural or nested) and its pattern. */
    private static void valueValidation(JsonNode schema, boolean skipAnyOf, boolean skipFirstAllOfAnyOf, Level level,
                                        FieldPath at, List<StructuralProblem> problems) {
        if (!skipAnyOf) {
            eachBranch(schema, "anyOf", at, (branch, path, i) -> nested(branch, false, level, path, problems));
        }
        eachBranch(schema, "allOf", at, (branch, path, i) -> nested(branch, skipFirstAllOfAnyOf && i == 0, level, path,
                problems));
        eachBranch(schema, "oneOf", at, (branch, path, i) -> nested(branch, false, level, path, problems));
        if (schema.get("not") instanceof ObjectNode not) {
            nested(not, false, level, at.child("not"), problems);
        }
        var pattern = schema.get("pattern");
        if (pattern != null && pattern.isString() && !pattern.asString().isEmpty()) {
            try {
                Pattern.compile(pattern.asString());
            } catch (PatternSyntaxException e) {
                problems.add(new StructuralProblem(at.child("pattern"), ErrorType.INVALID,
                        MessageText.quote(pattern.asString()),
                        "must be a valid regular expression, but isn't: " + e.getMessage()));
            }
        }
    }

    private interface BranchVisitor {
        void visit(JsonNode branch, FieldPath at, int index);
    }

    private static void eachBranch(JsonNode schema, String keyword, FieldPath at, BranchVisitor visitor) {
        var list = schema.get(keyword);
        for (int i = 0; list != null && list.isArray() && i < list.size(); i++) {
            if (list.get(i).isObject()) {
                visitor.visit(list.get(i), at.child(keyword).index(i), i);
            }
        }
    }

    /** validateNestedValueValidation: a branch only constrains; it declares no types nor anything else structural. */
    private static void nested(JsonNode branch, boolean skipAnyOf, Level level, FieldPath at,
                               List<StructuralProblem> problems) {
        valueValidation(branch, skipAnyOf, false, level, at, problems);
        if (branch.get("items") instanceof ObjectNode items) {
            nested(items, false, level, at.child("items"), problems);
        }
        for (var property : properties(branch)) {
            nested(property.getValue(), false, Level.FIELDS, at.child("properties").key(property.getKey()), problems);
        }
        if (nonEmptyString(branch, "type")) {
            problems.add(new StructuralProblem(at.child("type"), ErrorType.FORBIDDEN, null, "must be empty to be structural"));
        }
        if (present(branch, "additionalProperties")) {
            problems.add(new StructuralProblem(at.child("additionalProperties"), ErrorType.FORBIDDEN, null,
                    "must be undefined to be structural"));
        }
        if (present(branch, "default")) {
            problems.add(new StructuralProblem(at.child("default"), ErrorType.FORBIDDEN, null,
                    "must be undefined to be structural"));
        }
        if (nonEmptyString(branch, "title")) {
            problems.add(new StructuralProblem(at.child("title"), ErrorType.FORBIDDEN, null, "must be empty to be structural"));
        }
        if (nonEmptyString(branch, "description")) {
            problems.add(new StructuralProblem(at.child("description"), ErrorType.FORBIDDEN, null,
                    "must be empty to be structural"));
        }
        if (isTrue(branch, "nullable")) {
            problems.add(new StructuralProblem(at.child("nullable"), ErrorType.FORBIDDEN, null, "must be false to be structural"));
        }
        for (var extension : new String[] {PRESERVE, EMBEDDED, INT_OR_STRING}) {
            if (isTrue(branch, extension)) {
                problems.add(new StructuralProblem(at.child(extension), ErrorType.FORBIDDEN, null,
                        "must be false to be structural"));
            }
        }
        if (branch.path(MAP_KEYS).isArray() && !branch.path(MAP_KEYS).isEmpty()) {
            problems.add(new StructuralProblem(at.child(MAP_KEYS), ErrorType.FORBIDDEN, null, "must be empty to be structural"));
        }
        if (present(branch, LIST_TYPE)) {
            problems.add(new StructuralProblem(at.child(LIST_TYPE), ErrorType.FORBIDDEN, null,
                    "must be undefined to be structural"));
        }
        if (present(branch, MAP_TYPE)) {
            problems.add(new StructuralProblem(at.child(MAP_TYPE), ErrorType.FORBIDDEN, null,
                    "must be undefined to be structural"));
        }
        if (branch.path(VALIDATIONS).isArray() && !branch.path(VALIDATIONS).isEmpty()) {
            problems.add(new StructuralProblem(at.child(VALIDATIONS), ErrorType.FORBIDDEN, null,
                    "must be empty to be structural"));
        }
        if (branch.path("properties").has("metadata")) {
            problems.add(new StructuralProblem(at.child("properties").key("metadata"), ErrorType.FORBIDDEN, null,
                    "must not be specified in a nested context"));
        }
    }

    /** {@code anyOf: [{type: integer}, {type: string}]} exactly: its types are allowed. */
    private static boolean intOrStringAnyOf(JsonNode anyOf) {
        if (anyOf == null || !anyOf.isArray() || anyOf.size() != 2) {
            return false;
        }
        return onlyType(anyOf.get(0), "integer") && onlyType(anyOf.get(1), "string");
    }

    private static boolean intOrStringAllOf(JsonNode schema) {
        var allOf = schema.get("allOf");
        return allOf != null && allOf.isArray() && !allOf.isEmpty() && intOrStringAnyOf(allOf.get(0).get("anyOf"));
    }

    /** A branch that converts to nothing but a type. */
    private static boolean onlyType(JsonNode branch, String type) {
        if (branch == null || !branch.isObject() || !type.equals(string(branch, "type"))) {
            return false;
        }
        for (var entry : branch.properties()) {
            var keyword = entry.getKey();
            if (!keyword.equals("type") && !keyword.equals("externalDocs") && !keyword.equals("example")
                    && structurallySet(keyword, entry.getValue())) {
                return false;
            }
        }
        return true;
    }

    /**
     * validateStructuralCompleteness: what a branch says of a property or of items, the schema
     * must declare outside the branches.
     */
    private static void completeness(JsonNode branchOwner, JsonNode structural, FieldPath structuralAt,
                                     FieldPath branchAt, List<StructuralProblem> problems) {
        if (branchOwner.get("not") instanceof ObjectNode not) {
            nestedCompleteness(not, structural, structuralAt, branchAt.child("not"), problems);
        }
        for (var keyword : new String[] {"allOf", "anyOf", "oneOf"}) {
            eachBranch(branchOwner, keyword, branchAt, (branch, path, i) ->
                    nestedCompleteness(branch, structural, structuralAt, path, problems));
        }
    }

    private static void nestedCompleteness(JsonNode branch, JsonNode structural, FieldPath structuralAt,
                                           FieldPath branchAt, List<StructuralProblem> problems) {
        if (structural == null) {
            problems.add(new StructuralProblem(structuralAt, ErrorType.REQUIRED, null,
                    "because it is defined in " + branchAt));
            return;
        }
        completeness(branch, structural, structuralAt, branchAt, problems);
        if (branch.get("items") instanceof ObjectNode items) {
            var declared = structural.get("items") instanceof ObjectNode object ? object : null;
            nestedCompleteness(items, declared, structuralAt.child("items"), branchAt.child("items"), problems);
        }
        var declaredProperties = structural.path("properties");
        for (var property : properties(branch)) {
            var key = property.getKey();
            var declared = declaredProperties.get(key);
            if (declared == null || !declared.isObject()) {
                problems.add(new StructuralProblem(structuralAt.child("properties").key(key), ErrorType.REQUIRED, null,
                        "because it is defined in " + branchAt.child("properties").key(key)));
            } else {
                nestedCompleteness(property.getValue(), declared, structuralAt.child("properties").key(key),
                        branchAt.child("properties").key(key), problems);
            }
        }
    }

    // ---- ValidateCustomResourceDefinitionOpenAPISchema -----------------------------------------

    /** specStandardValidatorV3's state: whether defaults are allowed (and why not), whether inside a resource's meta. */
    private record Context(boolean allowDefaults, String reason, boolean insideMeta) {

        Context forbidDefaults(String why) {
            return new Context(false, why, insideMeta);
        }

        Context inMeta() {
            return new Context(allowDefaults, reason, true);
        }
    }

    private static void openApi(JsonNode schema, FieldPath at, Context context, boolean root,
                                List<StructuralProblem> problems) {
        standard(schema, at, context, problems);
        if (isTrue(schema, "uniqueItems")) {
            problems.add(new StructuralProblem(at.child("uniqueItems"), ErrorType.FORBIDDEN, null,
                    "uniqueItems cannot be set to true since the runtime complexity becomes quadratic"));
        }
        var properties = schema.get("properties");
        var additional = schema.get("additionalProperties");
        if (present(schema, "additionalProperties")) {
            if (properties != null && properties.isObject() && !properties.isEmpty()
                    && !(additional.isBoolean() && additional.asBoolean())) {
                problems.add(new StructuralProblem(at.child("additionalProperties"), ErrorType.FORBIDDEN, null,
                        "additionalProperties and properties are mutual exclusive"));
            }
            if (additional.isObject()) {
                openApi(additional, at.child("additionalProperties"), context.insideMeta()
                        ? context.forbidDefaults("inside additionalProperties applying to object metadata") : context,
                        false, problems);
            }
        }
        if (properties != null && !properties.isObject() && !properties.isNull()) {
            problems.add(new StructuralProblem(at.child("properties"), ErrorType.INVALID, properties.toString(),
                    "must be of type object", true));
        }
        boolean embedded = isTrue(schema, EMBEDDED);
        for (var property : properties(schema)) {
            var sub = context;
            if ((root || embedded) && META_FIELDS.contains(property.getKey())) {
                sub = sub.inMeta();
                if (root) {
                    sub = sub.forbidDefaults("in top-level " + property.getKey());
                }
            }
            openApi(property.getValue(), at.child("properties").key(property.getKey()), sub, false, problems);
        }
        if (schema.get("not") instanceof ObjectNode not) {
            openApi(not, at.child("not"), context, false, problems);
        }
        for (var keyword : new String[] {"allOf", "oneOf", "anyOf"}) {
            eachBranch(schema, keyword, at, (branch, path, i) -> openApi(branch, path, context, false, problems));
        }
        var definitions = schema.get("definitions");
        if (definitions != null && definitions.isObject()) {
            for (var definition : definitions.properties()) {
                if (definition.getValue().isObject()) {
                    openApi(definition.getValue(), at.child("definitions").key(definition.getKey()), context, false,
                            problems);
                }
            }
        }
        var items = schema.get("items");
        if (items != null && items.isObject()) {
            openApi(items, at.child("items"), context, false, problems);
        } else if (items != null && items.isArray()) {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).isObject()) {
                    openApi(items.get(i), at.child("items").index(i), context, false, problems);
                }
            }
        }
        var dependencies = schema.get("dependencies");
        if (dependencies != null && dependencies.isObject()) {
            for (var dependency : dependencies.properties()) {
                if (dependency.getValue().isObject()) {
                    openApi(dependency.getValue(), at.child("dependencies").key(dependency.getKey()), context, false,
                            problems);
                }
            }
        }
        var preserve = schema.get(PRESERVE);
        if (preserve != null && preserve.isBoolean() && !preserve.asBoolean()) {
            problems.add(new StructuralProblem(at.child(PRESERVE), ErrorType.INVALID, "false", "must be true or undefined"));
        }
        CustomResourceSchemaConverter.listTypes(schema, at, problems);
        validations(schema, at, problems);
        var enumeration = schema.get("enum");
        if (enumeration != null && !enumeration.isArray() && !enumeration.isNull()) {
            problems.add(new StructuralProblem(at.child("enum"), ErrorType.INVALID, enumeration.toString(),
                    "must be of type array", true));
        }
        var required = schema.get("required");
        if (required != null && !required.isNull() && !(required.isArray() && allStrings(required))) {
            problems.add(new StructuralProblem(at.child("required"), ErrorType.INVALID, required.toString(),
                    "must be of type array", true));
        }
    }

    /** specStandardValidatorV3.validate. */
    private static void standard(JsonNode schema, FieldPath at, Context context, List<StructuralProblem> problems) {
        var type = schema.get("type");
        if (type != null && !type.isNull() && !(type.isString() && (type.asString().isEmpty()
                || TYPES.contains(type.asString())))) {
            problems.add(new StructuralProblem(at.child("type"), ErrorType.NOT_SUPPORTED, type.toString(),
                    "supported values: \"array\", \"boolean\", \"integer\", \"number\", \"object\", \"string\""));
        }
        if (present(schema, "default") && !context.allowDefaults()) {
            problems.add(new StructuralProblem(at.child("default"), ErrorType.FORBIDDEN, null,
                    "must not be set" + (context.reason().isEmpty() ? "" : " " + context.reason())));
        }
        if (nonEmptyString(schema, "id")) {
            problems.add(new StructuralProblem(at.child("id"), ErrorType.FORBIDDEN, null, "id is not supported"));
        }
        if (present(schema, "additionalItems")) {
            problems.add(new StructuralProblem(at.child("additionalItems"), ErrorType.FORBIDDEN, null,
                    "additionalItems is not supported"));
        }
        if (nonEmptyContainer(schema, "patternProperties")) {
            problems.add(new StructuralProblem(at.child("patternProperties"), ErrorType.FORBIDDEN, null,
                    "patternProperties is not supported"));
        }
        if (nonEmptyContainer(schema, "definitions")) {
            problems.add(new StructuralProblem(at.child("definitions"), ErrorType.FORBIDDEN, null,
                    "definitions is not supported"));
        }
        if (present(schema, "dependencies")) {
            problems.add(new StructuralProblem(at.child("dependencies"), ErrorType.FORBIDDEN, null,
                    "dependencies is not supported"));
        }
        if (present(schema, "$ref")) {
            problems.add(new StructuralProblem(at.child("$ref"), ErrorType.FORBIDDEN, null, "$ref is not supported"));
        }
        if (type != null && type.isString() && type.asString().equals("null")) {
            problems.add(new StructuralProblem(at.child("type"), ErrorType.FORBIDDEN, null,
                    "type cannot be set to null, use nullable as an alternative"));
        }
        var items = schema.get("items");
        if (items != null && items.isArray() && !items.isEmpty()) {
            problems.add(new StructuralProblem(at.child("items"), ErrorType.FORBIDDEN, null,
                    "items must be a schema object and not an array"));
        }
        if (context.insideMeta() && isTrue(schema, EMBEDDED)) {
            problems.add(new StructuralProblem(at.child(EMBEDDED), ErrorType.FORBIDDEN, null,
                    "must not be used inside of resource meta"));
        }
    }

    /**
     * The structure of {@code x-kubernetes-validations} rules, as checked before any CEL is
     * compiled: a rule, a message without line breaks (and one if the rule has them), non-blank
     * messageExpression and fieldPath, a known reason. Whether a fieldPath names a field of the
     * schema is not checked.
     */
    private static void validations(JsonNode schema, FieldPath at, List<StructuralProblem> problems) {
        var rules = schema.get(VALIDATIONS);
        if (rules == null || !rules.isArray()) {
            return;
        }
        for (int i = 0; i < rules.size(); i++) {
            var rule = rules.get(i);
            if (!rule.isObject()) {
                continue;
            }
            var ruleAt = at.child(VALIDATIONS).index(i);
            var text = string(rule, "rule");
            var message = string(rule, "message");
            var trimmedRule = goTrimSpace(text);
            var trimmedMessage = goTrimSpace(message);
            if (trimmedRule.isEmpty()) {
                problems.add(new StructuralProblem(ruleAt.child("rule"), ErrorType.REQUIRED, null, "rule is not specified"));
            } else if (!message.isEmpty() && trimmedMessage.isEmpty()) {
                problems.add(new StructuralProblem(ruleAt.child("message"), ErrorType.INVALID, MessageText.quote(message),
                        "message must be non-empty if specified"));
            } else if (NEWLINES.matcher(trimmedMessage).find()) {
                problems.add(new StructuralProblem(ruleAt.child("message"), ErrorType.INVALID, MessageText.quote(message),
                        "message must not contain line breaks"));
            } else if (NEWLINES.matcher(trimmedRule).find() && trimmedMessage.isEmpty()) {
                problems.add(new StructuralProblem(ruleAt.child("message"), ErrorType.REQUIRED, null,
                        "message must be specified if rule contains line breaks"));
            }
            var messageExpression = string(rule, "messageExpression");
            if (!messageExpression.isEmpty() && goTrimSpace(messageExpression).isEmpty()) {
                problems.add(new StructuralProblem(ruleAt.child("messageExpression"), ErrorType.REQUIRED, null,
                        "messageExpression must be non-empty if specified"));
            }
            var reason = rule.get("reason");
            if (reason != null && reason.isString() && !REASONS.contains(reason.asString())) {
                problems.add(new StructuralProblem(ruleAt.child("reason"), ErrorType.NOT_SUPPORTED,
                        MessageText.quote(reason.asString()), "supported values: \"" + String.join("\", \"", REASONS) + "\""));
            }
            var fieldPath = string(rule, "fieldPath");
            if (!fieldPath.isEmpty() && goTrimSpace(fieldPath).isEmpty()) {
                problems.add(new StructuralProblem(ruleAt.child("fieldPath"), ErrorType.INVALID, MessageText.quote(fieldPath),
                        "fieldPath must be non-empty if specified"));
            }
            if (NEWLINES.matcher(fieldPath).find()) {
                problems.add(new StructuralProblem(ruleAt.child("fieldPath"), ErrorType.INVALID, MessageText.quote(fieldPath),
                        "fieldPath must not contain line breaks"));
            }
        }
    }

    /** Go's {@code strings.TrimSpace}: Unicode white space (Go's unicode.IsSpace) at both ends. */
    static String goTrimSpace(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && goSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && goSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean goSpace(char c) {
        return switch (c) {
            case '\t', '\n', '\u000B', '\f', '\r', ' ', '\u0085', '\u00A0' -> true;
            default -> c > 0xFF && Character.isSpaceChar(c);
        };
    }

    // ---- helpers ---------------------------------------------------------------------------

    private static List<Map.Entry<String, JsonNode>> properties(JsonNode schema) {
        var properties = schema.get("properties");
        var result = new ArrayList<Map.Entry<String, JsonNode>>();
        if (properties != null && properties.isObject()) {
            for (var property : properties.properties()) {
                if (property.getValue().isObject()) {
                    result.add(property);
                }
            }
        }
        return result;
    }

    private static boolean present(JsonNode schema, String keyword) {
        var value = schema.get(keyword);
        return value != null && !value.isNull();
    }

    private static boolean isTrue(JsonNode schema, String keyword) {
        var value = schema.get(keyword);
        return value != null && value.isBoolean() && value.asBoolean();
    }

    private static boolean nonEmptyString(JsonNode schema, String keyword) {
        var value = schema.get(keyword);
        return value != null && value.isString() && !value.asString().isEmpty();
    }

    private static boolean nonEmptyContainer(JsonNode schema, String keyword) {
        var value = schema.get(keyword);
        return value != null && (value.isObject() || value.isArray()) && !value.isEmpty();
    }

    private static String string(JsonNode schema, String keyword) {
        var value = schema.get(keyword);
        return value != null && value.isString() ? value.asString() : "";
    }

    private static boolean allStrings(JsonNode array) {
        for (var item : array) {
            if (!item.isString()) {
                return false;
            }
        }
        return true;
    }
}
