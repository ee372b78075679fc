package dev.manifestkit.validation.schema;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.manifestkit.core.MessageText;
import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.schema.CustomResourceSchemaConverter.StructuralProblem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * apiextensions' {@code ValidateDefaults} (pkg/apiserver/schema/defaulting), which the API server
 * runs on a definition's {@code openAPIV3Schema} once it is structural and passes
 * {@code ValidateStructural}: every {@code default} reached through {@code properties} and
 * {@code items} (not {@code additionalProperties}, where the walk does not go, nor logical
 * branches, where defaults are forbidden) must
 *
 * <ul>
 * <li>survive pruning against its own schema unchanged ({@code must not have unknown fields}),
 *     which keeps what {@code x-kubernetes-preserve-unknown-fields} keeps and an embedded
 *     resource's (or the root's) {@code apiVersion}, {@code kind} and {@code metadata};</li>
 * <li>give embedded resources (and a default of the whole root) a string {@code apiVersion} and
 *     {@code kind} and a {@code metadata} that decodes as ObjectMeta ({@code objectmeta.Coerce}),
 *     then an apiVersion, a kind and metadata that validate ({@code objectmeta.Validate});</li>
 * <li>validate against its own schema as the server's {@code Structural.ToKubeOpenAPI} has it,
 *     formats included: through the same compiler as custom resources, with what differs (see
 *     {@link CustomResourceSchemaConverter#defaultSchema}): nested defaults are not applied to a
 *     default first, so a property it requires must be in it.</li>
 * </ul>
 *
 * A default inside an embedded resource's {@code apiVersion}, {@code kind} or {@code metadata}
 * (allowed, unlike the root's) is not pruned; it is placed in an object of kind
 * {@code Validation}, whose metadata must decode and validate ({@code must result in valid
 * metadata}), then checked against its own schema.
 *
 * <p>Not checked: {@code x-kubernetes-validations} rules evaluated on defaults (CEL), owner
 * references, finalizers and managed fields of a defaulted ObjectMeta, and nulls inside a default
 * (the reader drops null fields, so a null the schema does not allow is not seen). A value is
 * decoded as ObjectMeta by field type only; the server's decoder words its errors otherwise.
 */
final class CustomResourceDefaults {

    private static final String PRESERVE = "x-kubernetes-preserve-unknown-fields";
    private static final String EMBEDDED = "x-kubernetes-embedded-resource";
    private static final Set<String> META_FIELDS = Set.of("apiVersion", "kind", "metadata");
    private static final Set<String> META_STRINGS = Set.of("name", "generateName", "namespace", "selfLink", "uid",
            "resourceVersion", "creationTimestamp", "deletionTimestamp");
    private static final Set<String> META_INTEGERS = Set.of("generation", "deletionGracePeriodSeconds");
    private static final Set<String> META_STRING_MAPS = Set.of("labels", "annotations");
    /** Not strict: unknown fields are the pruning check's, and its message is the server's. */
    private static final SchemaCompiler COMPILER = new SchemaCompiler(false);
    private static final int CACHED = 256;
    /** Compiled default schemas by their converted JSON: a definition repeats a referenced type's schema often. */
    private static final Map<String, KindSchema> COMPILED = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, KindSchema> eldest) {
                    return size() > CACHED;
                }
            });

    private CustomResourceDefaults() {
    }

    /** A step from an embedded resource (or the root) down to a schema: a property, or any element of a list. */
    private record Step(String property) {
        static final Step ITEM = new Step(null);
    }

    /** What {@code ValidateDefaults} finds wrong with the defaults of an {@code openAPIV3Schema} at {@code at}. */
    static void problems(JsonNode root, FieldPath at, List<StructuralProblem> out) {
        if (root == null || !root.isObject()) {
            return;
        }
        walk(root, at, root, true, List.of(), false, out);
    }

    /**
     * validate's recursion.
     *
     * @param resource   the embedded resource (or the root) the schema is in
     * @param embedded   whether {@code schema} is an embedded resource (the root counts as one)
     * @param steps      from {@code resource} down to {@code schema}
     * @param insideMeta whether the schema is in the resource's apiVersion, kind or metadata
     */
    private static void walk(JsonNode schema, FieldPath at, JsonNode resource, boolean embedded, List<Step> steps,
                             boolean insideMeta, List<StructuralProblem> out) {
        if (embedded) {
            insideMeta = false;
            resource = schema;
            steps = List.of();
        }
        var value = schema.get("default");
        if (value != null && !value.isNull()) {
            var defaultAt = at.child("default");
            if (insideMeta) {
                var object = surrounding(value, steps);
                var metaProblem = coerce(FieldPath.root(), object, resource, true);
                var metaProblems = metaProblem == null ? validateMeta(FieldPath.root(), object, resource, true)
                        : List.of(metaProblem);
                if (!metaProblems.isEmpty()) {
                    out.add(new StructuralProblem(defaultAt, ErrorType.INVALID, KindSchema.render(value),
                            "must result in valid metadata: " + aggregate(metaProblems)));
                } else {
                    validate(value, schema, defaultAt, out);
                }
            } else {
                if (prunes(value, schema, embedded)) {
                    out.add(new StructuralProblem(defaultAt, ErrorType.INVALID, KindSchema.render(value),
                            "must not have unknown fields"));
                }
                var coerced = coerce(defaultAt, value, schema, embedded);
                if (coerced != null) {
                    out.add(coerced);
                } else {
                    var invalid = validateMeta(defaultAt, value, schema, embedded);
                    if (!invalid.isEmpty()) {
                        out.addAll(invalid);
                    } else {
                        validate(value, schema, defaultAt, out);
                    }
                }
            }
        }
        // additionalProperties is not followed: the server's walk does not go there
        if (schema.get("items") instanceof ObjectNode items) {
            walk(items, at.child("items"), resource, isTrue(items, EMBEDDED), append(steps, Step.ITEM), insideMeta, out);
        }
        var properties = schema.get("properties");
        if (properties != null && properties.isObject()) {
            for (var property : properties.properties()) {
                if (!property.getValue().isObject()) {
                    continue;
                }
                var name = property.getKey();
                boolean meta = insideMeta || embedded && META_FIELDS.contains(name);
                walk(property.getValue(), at.child("properties").key(name), resource,
                        isTrue(property.getValue(), EMBEDDED), append(steps, new Step(name)), meta, out);
            }
        }
    }

    private static List<Step> append(List<Step> steps, Step step) {
        var longer = new ArrayList<Step>(steps.size() + 1);
        longer.addAll(steps);
        longer.add(step);
        return longer;
    }

    /**
     * The SurroundingObjectFunc's test object: the value put where the steps lead (a list of one
     * element for each list), in an object whose apiVersion and kind are {@code validation/v1}
     * {@code Validation} (set last, so they replace a defaulted apiVersion or kind).
     */
    private static ObjectNode surrounding(JsonNode value, List<Step> steps) {
        JsonNode focus = value.deepCopy();
        for (int i = steps.size() - 1; i >= 0; i--) {
            var step = steps.get(i);
            if (step.property() == null) {
                var list = Definitions.JSON.createArrayNode();
                list.add(focus);
                focus = list;
            } else {
                var object = Definitions.JSON.createObjectNode();
                object.set(step.property(), focus);
                focus = object;
            }
        }
        var object = (ObjectNode) focus;
        object.put("kind", "Validation");
        object.put("apiVersion", "validation/v1");
        return object;
    }

    // ---- pruning ---------------------------------------------------------------------------

    /** Whether pruning.Prune would drop anything of the value (an embedded resource keeps its meta fields). */
    private static boolean prunes(JsonNode value, JsonNode schema, boolean embedded) {
        return prunes(value, schema, embedded, schema != null && isTrue(schema, PRESERVE));
    }

    /**
     * Prune's walk, or ({@code keepUnknown}, under x-kubernetes-preserve-unknown-fields) its
     * skipPrune, which drops only inside what the schema declares: the two differ in what an
     * undeclared field, and a value without a schema, come to.
     */
    private static boolean prunes(JsonNode value, JsonNode schema, boolean embedded, boolean keepUnknown) {
        if (schema == null && keepUnknown) {
            return false;
        }
        if (value.isObject()) {
            if (schema == null) {
                return !value.isEmpty();
            }
            for (var entry : value.properties()) {
                var key = entry.getKey();
                if (embedded && META_FIELDS.contains(key)) {
                    continue;
                }
                var property = property(schema, key);
                if (property != null) {
                    if (prunes(entry.getValue(), property, isTrue(property, EMBEDDED))) {
                        return true;
                    }
                } else if (present(schema, "additionalProperties")) {
                    var additional = additional(schema);
                    if (prunes(entry.getValue(), additional, additional != null && isTrue(additional, EMBEDDED))) {
                        return true;
                    }
                } else if (!keepUnknown) {
                    return true;
                }
            }
        } else if (value.isArray()) {
            var items = schema == null ? null : items(schema);
            for (var element : value) {
                if (prunes(element, items, items != null && isTrue(items, EMBEDDED), keepUnknown)) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---- objectmeta.Coerce and objectmeta.Validate ------------------------------------------

    /** objectmeta.Coerce without dropping: the first apiVersion or kind that is no string, or metadata that does not decode. */
    private static StructuralProblem coerce(FieldPath at, JsonNode value, JsonNode schema, boolean embedded) {
        if (schema == null) {
            return null;
        }
        if (value.isObject()) {
            for (var entry : value.properties()) {
                var key = entry.getKey();
                var field = entry.getValue();
                if (embedded && (key.equals("apiVersion") || key.equals("kind")) && !field.isString()
                        && !field.isNull()) {
                    return new StructuralProblem(at.child(key), ErrorType.INVALID, KindSchema.render(field),
                            "must be a string");
                }
                if (embedded && key.equals("metadata")) {
                    var undecodable = objectMetaError(field);
                    if (undecodable != null) {
                        return new StructuralProblem(at.child(key), ErrorType.INVALID, KindSchema.render(field),
                                undecodable);
                    }
                }
                var property = property(schema, key);
                var next = property != null ? property : additional(schema);
                if (next != null) {
                    var problem = coerce(property != null ? at.child(key) : at.key(key), field, next,
                            isTrue(next, EMBEDDED));
                    if (problem != null) {
                        return problem;
                    }
                }
            }
        } else if (value.isArray()) {
            var items = items(schema);
            for (int i = 0; i < value.size() && items != null; i++) {
                var problem = coerce(at.index(i), value.get(i), items, isTrue(items, EMBEDDED));
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    /** Why a metadata value does not decode as an ObjectMeta, by the type of each field; null if it does. */
    private static String objectMetaError(JsonNode metadata) {
        if (metadata.isNull()) {
            return null;
        }
        if (!metadata.isObject()) {
            return "cannot be decoded as ObjectMeta: must be an object";
        }
        for (var entry : metadata.properties()) {
            var key = entry.getKey();
            var field = entry.getValue();
            if (field.isNull()) {
                continue;
            }
            String wanted = null;
            if (META_STRINGS.contains(key) && !field.isString()) {
                wanted = "a string";
            } else if (META_INTEGERS.contains(key) && !field.isIntegralNumber()) {
                wanted = "an integer";
            } else if (META_STRING_MAPS.contains(key) && !isStringMap(field)) {
                wanted = "a map of strings";
            } else if (key.equals("finalizers") && !isStringList(field)) {
                wanted = "a list of strings";
            } else if ((key.equals("ownerReferences") || key.equals("managedFields")) && !isObjectList(field)) {
                wanted = "a list of objects";
            }
            if (wanted != null) {
                return "cannot be decoded as ObjectMeta: " + key + " must be " + wanted;
            }
        }
        return null;
    }

    /**
     * objectmeta.Validate: each embedded resource (the root counts as one) has a non-empty string
     * apiVersion that parses as a group/version, a kind that is a DNS-1035 label in any case, and
     * metadata whose name, generateName, namespace, labels and annotations validate.
     */
    private static List<StructuralProblem> validateMeta(FieldPath at, JsonNode value, JsonNode schema,
                                                        boolean embedded) {
        var problems = new ArrayList<StructuralProblem>();
        validateMeta(at, value, schema, embedded, problems);
        return problems;
    }

    private static void validateMeta(FieldPath at, JsonNode value, JsonNode schema, boolean embedded,
                                     List<StructuralProblem> out) {
        if (schema == null) {
            return;
        }
        if (value.isObject()) {
            if (embedded) {
                embeddedResource(at, value, out);
            }
            for (var entry : value.properties()) {
                var property = property(schema, entry.getKey());
                var next = property != null ? property : additional(schema);
                if (next != null) {
                    validateMeta(property != null ? at.child(entry.getKey()) : at.key(entry.getKey()),
                            entry.getValue(), next, isTrue(next, EMBEDDED), out);
                }
            }
        } else if (value.isArray()) {
            var items = items(schema);
            for (int i = 0; i < value.size() && items != null; i++) {
                validateMeta(at.index(i), value.get(i), items, isTrue(items, EMBEDDED), out);
            }
        }
    }

    /** validateEmbeddedResource. */
    private static void embeddedResource(FieldPath at, JsonNode value, List<StructuralProblem> out) {
        if (absent(value, "apiVersion")) {
            out.add(new StructuralProblem(at.child("apiVersion"), ErrorType.REQUIRED, null, ""));
        }
        if (absent(value, "kind")) {
            out.add(new StructuralProblem(at.child("kind"), ErrorType.REQUIRED, null, ""));
        }
        var apiVersion = value.get("apiVersion");
        if (apiVersion != null && apiVersion.isString()) {
            var text = apiVersion.asString();
            if (text.isEmpty()) {
                out.add(new StructuralProblem(at.child("apiVersion"), ErrorType.REQUIRED, null, ""));
            } else if (text.chars().filter(c -> c == '/').count() > 1) {
                out.add(new StructuralProblem(at.child("apiVersion"), ErrorType.INVALID, MessageText.quote(text),
                        "unexpected GroupVersion string: " + text));
            }
        }
        var kind = value.get("kind");
        if (kind != null && kind.isString()) {
            var text = kind.asString();
            if (text.isEmpty()) {
                out.add(new StructuralProblem(at.child("kind"), ErrorType.REQUIRED, null, ""));
            } else {
                var errors = Names.dns1035Label(Names.goToLower(text));
                if (!errors.isEmpty()) {
                    out.add(new StructuralProblem(at.child("kind"), ErrorType.INVALID, MessageText.quote(text),
                            "may have mixed case, but should otherwise match: " + String.join(",", errors)));
                }
            }
        }
        var metadata = value.get("metadata");
        if (metadata != null && metadata.isObject()) {
            objectMeta(at.child("metadata"), metadata, out);
        }
    }

    /** The parts of ValidateObjectMeta ported here: name (fakename if none) and generateName as path segments, namespace, labels, annotations. */
    private static void objectMeta(FieldPath at, JsonNode metadata, List<StructuralProblem> out) {
        var generateName = text(metadata, "generateName");
        if (!generateName.isEmpty()) {
            for (var illegal : new String[] {"/", "%"}) {
                if (generateName.contains(illegal)) {
                    out.add(new StructuralProblem(at.child("generateName"), ErrorType.INVALID,
                            MessageText.quote(generateName), "may not contain '" + illegal + "'"));
                }
            }
        }
        var name = text(metadata, "name");
        if (name.equals(".") || name.equals("..")) {
            out.add(new StructuralProblem(at.child("name"), ErrorType.INVALID, MessageText.quote(name),
                    "may not be '" + name + "'"));
        } else {
            for (var illegal : new String[] {"/", "%"}) {
                if (name.contains(illegal)) {
                    out.add(new StructuralProblem(at.child("name"), ErrorType.INVALID, MessageText.quote(name),
                            "may not contain '" + illegal + "'"));
                }
            }
        }
        var namespace = text(metadata, "namespace");
        if (!namespace.isEmpty()) {
            for (var msg : Names.dns1123Label(namespace)) {
                out.add(new StructuralProblem(at.child("namespace"), ErrorType.INVALID, MessageText.quote(namespace), msg));
            }
        }
        var labels = metadata.get("labels");
        if (labels != null && labels.isObject()) {
            for (var label : labels.properties()) {
                var labelAt = at.child("labels").key(label.getKey());
                for (var msg : Names.qualifiedName(label.getKey())) {
                    out.add(new StructuralProblem(labelAt, ErrorType.INVALID, MessageText.quote(label.getKey()), msg));
                }
                if (label.getValue().isString()) {
                    for (var msg : Names.labelValue(label.getValue().asString())) {
                        out.add(new StructuralProblem(labelAt, ErrorType.INVALID,
                                MessageText.quote(label.getValue().asString()), msg));
                    }
                }
            }
        }
        var annotations = metadata.get("annotations");
        if (annotations != null && annotations.isObject()) {
            long total = 0;
            for (var annotation : annotations.properties()) {
                for (var msg : Names.annotationKey(annotation.getKey())) {
                    out.add(new StructuralProblem(at.child("annotations").key(annotation.getKey()), ErrorType.INVALID,
                            MessageText.quote(annotation.getKey()), msg));
                }
                total += Names.utf8Length(annotation.getKey()) + Names.utf8Length(annotation.getValue().asString(""));
            }
            if (total > Names.TOTAL_ANNOTATION_SIZE_LIMIT_BYTES) {
                out.add(new StructuralProblem(at.child("annotations"), ErrorType.TOO_LONG, null,
                        "must have at most " + Names.TOTAL_ANNOTATION_SIZE_LIMIT_BYTES + " bytes"));
            }
        }
    }

    /** field.ErrorList.ToAggregate's text: one error as it is, several in brackets. */
    private static String aggregate(List<StructuralProblem> problems) {
        var texts = new ArrayList<String>();
        for (var problem : problems) {
            var text = new StringBuilder(problem.path().toString()).append(": ").append(problem.type().wording());
            if (problem.badValue() != null) {
                text.append(": ").append(problem.badValue());
            }
            if (!problem.detail().isEmpty()) {
                text.append(": ").append(problem.detail());
            }
            if (!texts.contains(text.toString())) {
                texts.add(text.toString());
            }
        }
        return texts.size() == 1 ? texts.get(0) : "[" + String.join(", ", texts) + "]";
    }

    // ---- the schema ------------------------------------------------------------------------

    /** ValidateCustomResource of the default against its own schema, compiled as custom resources' are. */
    private static void validate(JsonNode value, JsonNode schema, FieldPath at, List<StructuralProblem> out) {
        KindSchema compiled;
        try {
            compiled = compiled(schema);
        } catch (RuntimeException | StackOverflowError e) {
            return; // a schema the compiler cannot take is reported on the definition already
        }
        for (var violation : compiled.validate(value)) {
            // a format's message names the value's path, empty for the default itself
            out.add(new StructuralProblem(at.append(violation.path()), violation.type(), violation.badValue(),
                    violation.detail().strip()));
        }
    }

    private static KindSchema compiled(JsonNode schema) {
        var converted = CustomResourceSchemaConverter.defaultSchema(schema);
        var document = Definitions.JSON.createObjectNode();
        document.putObject("definitions").set("default", converted);
        var key = document.toString();
        var cached = COMPILED.get(key);
        if (cached != null) {
            return cached;
        }
        var definitions = Definitions.read(key.getBytes(StandardCharsets.UTF_8), "a default's schema");
        // formats are checked as on custom resources; list types are not (ValidateDefaults does not check them)
        var asWritten = withoutListTypes(schema);
        var compiled = COMPILER.compile(List.of(definitions), "default", "", "", "default " + Integer.toHexString(
                key.hashCode()) + " " + key.length(), asWritten);
        COMPILED.put(key, compiled);
        return compiled;
    }

    /** The schema without x-kubernetes-list-type, -map-keys and embedded-resource marks, for the format walk only. */
    private static JsonNode withoutListTypes(JsonNode schema) {
        if (schema.isObject()) {
            var copy = Definitions.JSON.createObjectNode();
            for (var entry : schema.properties()) {
                var key = entry.getKey();
                if (key.equals("x-kubernetes-list-type") || key.equals("x-kubernetes-list-map-keys")
                        || key.equals(EMBEDDED) || key.equals("default")) {
                    continue;
                }
                copy.set(key, key.equals("enum") || key.equals("example") ? entry.getValue()
                        : withoutListTypes(entry.getValue()));
            }
            return copy;
        }
        if (schema.isArray()) {
            var copy = Definitions.JSON.createArrayNode();
            schema.forEach(element -> copy.add(withoutListTypes(element)));
            return copy;
        }
        return schema;
    }

    // ---- helpers ---------------------------------------------------------------------------

    private static JsonNode property(JsonNode schema, String name) {
        var properties = schema.get("properties");
        var property = properties != null && properties.isObject() ? properties.get(name) : null;
        return property != null && property.isObject() ? property : null;
    }

    /** additionalProperties as a schema (null when it is a boolean, which the structural schema keeps without one). */
    private static JsonNode additional(JsonNode schema) {
        var additional = schema.get("additionalProperties");
        return additional != null && additional.isObject() ? additional : null;
    }

    private static JsonNode items(JsonNode schema) {
        var items = schema.get("items");
        return items != null && items.isObject() ? items : null;
    }

    private static boolean present(JsonNode schema, String keyword) {
        var value = schema.get(keyword);
        return value != null && !value.isNull();
    }

    private static boolean absent(JsonNode value, String field) {
        return !value.has(field);
    }

    private static boolean isTrue(JsonNode schema, String keyword) {
        var value = schema.get(keyword);
        return value != null && value.isBoolean() && value.asBoolean();
    }

    private static String text(JsonNode object, String field) {
        var value = object.get(field);
        return value != null && value.isString() ? value.asString() : "";
    }

    private static boolean isStringMap(JsonNode value) {
        return value.isObject() && value.valueStream().allMatch(v -> v.isString() || v.isNull());
    }

    private static boolean isStringList(JsonNode value) {
        return value.isArray() && value.valueStream().allMatch(v -> v.isString() || v.isNull());
    }

    private static boolean isObjectList(JsonNode value) {
        return value.isArray() && value.valueStream().allMatch(v -> v.isObject() || v.isNull());
    }
}
