package dev.manifestkit.validation.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;

import com.networknt.schema.Error;
import com.networknt.schema.ExecutionConfig;
import com.networknt.schema.Schema;
import com.networknt.schema.path.NodePath;

import dev.manifestkit.core.tree.Trees;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.ResourceResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The compiled schema of one apiVersion and kind. Immutable and thread-safe: one instance
 * validates any number of objects concurrently.
 */
public final class KindSchema {

    /** No annotations (we only want assertions) and no format checks (the API rules own those). */
    private static final ExecutionConfig EXECUTION = ExecutionConfig.builder()
            .annotationCollectionEnabled(false)
            .formatAssertionsEnabled(false)
            .build();
    private static final int MAX_VALUE_LENGTH = 80;
    /**
     * Most of the general validator's errors kept for one object; past it they are counted only.
     * Each costs about a kilobyte, and an object of 500,000 nameless containers makes 500,000;
     * twice what a report keeps of an object leaves room for those that collapse into one.
     */
    static final int MAX_ERRORS = 2 * ResourceResult.MAX_PROBLEMS;

    private final String apiVersion;
    private final String kind;
    private final String definition;
    private final Schema schema;
    private final ObjectNode definitions;
    private final FastCheck fast;
    /** A custom resource's {@code openAPIV3Schema} as written (null for built-in kinds): its formats and embedded resources are checked. */
    private final JsonNode customResource;
    /** Whether {@link #customResource} declares set or map lists, whose items must be unique. */
    private final boolean uniqueLists;
    /** Whether {@link #customResource} declares formats or embedded resources, which are checked by walking the object. */
    private final boolean formats;

    KindSchema(String apiVersion, String kind, String definition, Schema schema, ObjectNode definitions,
               JsonNode customResource) {
        this.customResource = customResource;
        this.uniqueLists = CustomResourceLists.used(customResource);
        this.formats = CustomResourceFormats.used(customResource);
        this.apiVersion = apiVersion;
        this.kind = kind;
        this.definition = definition;
        this.schema = schema;
        this.definitions = definitions;
        this.fast = FastCheck.compile(definitions, definition);
    }

    /** The apiVersion this schema is for ({@code apps/v1}). */
    public String apiVersion() {
        return apiVersion;
    }

    /** The kind this schema is for ({@code Deployment}). */
    public String kind() {
        return kind;
    }

    /** The name of the definition it was built from ({@code io.k8s.api.apps.v1.Deployment}). */
    public String definition() {
        return definition;
    }

    /**
     * Validates one object, giving one violation per cause: the alternatives of a {@code oneOf}
     * (IntOrString, Quantity) collapse into one, and nulls count as absent, as on the API server.
     * Valid objects are recognized by a cheap pre-check over the schema subset the definitions
     * use; the JSON Schema validator runs for the others and words their problems.
     */
    public List<SchemaViolation> validate(JsonNode object) {
        return validate(object, count -> { });
    }

    /**
     * Validates one object as {@link #validate(JsonNode)} does, keeping the first
     * {@value #MAX_ERRORS} of the general validator's errors and handing the number of the others,
     * each counted as one problem, to {@code notShown} (only when there are any).
     */
    public List<SchemaViolation> validate(JsonNode object, LongConsumer notShown) {
        if (fast != null && fast.passes(object)) {
            return formatViolations(object);
        }
        return validateFully(object, notShown);
    }

    /** True if this kind's schema has a pre-check for valid objects (the official ones all do). */
    boolean hasPreCheck() {
        return fast != null;
    }

    /** True if the pre-check alone finds the object valid. */
    boolean preCheckPasses(JsonNode object) {
        return fast != null && fast.passes(object);
    }

    /** The general validator's findings, without the pre-check. */
    List<SchemaViolation> validateFully(JsonNode object) {
        return validateFully(object, count -> { });
    }

    private List<SchemaViolation> validateFully(JsonNode object, LongConsumer notShown) {
        var kept = new CappedErrors();
        schema.validate(object, context -> {
            context.setExecutionConfig(EXECUTION);
            context.setErrors(kept);
        });
        if (kept.dropped > 0) {
            notShown.accept(kept.dropped);
        }
        List<Error> errors = kept;
        var outOfRange = new ArrayList<SchemaViolation>();
        IntegerFormats.outOfRange(object, resolve(definitions.get(definition)), FieldPath.root(), this::resolve,
                outOfRange);
        outOfRange.addAll(formatViolations(object));
        if (errors.isEmpty()) {
            return List.copyOf(outOfRange);
        }
        var alternatives = new ArrayList<String>();
        for (var error : errors) {
            if (isAlternatives(error)) {
                alternatives.add(error.getEvaluationPath().toString() + "/");
            }
        }
        var result = new LinkedHashSet<SchemaViolation>();
        for (var error : errors) {
            if (insideReportedAlternative(error, alternatives)) {
                continue;
            }
            var violation = convert(error);
            if (violation != null) {
                result.add(violation);
            }
        }
        result.addAll(outOfRange);
        return List.copyOf(result);
    }

    /**
     * What a custom resource's schema refuses beyond the general validator (none for built-in
     * kinds): strings its formats refuse, embedded resources without apiVersion or kind, and
     * duplicates in its set and map lists.
     */
    private List<SchemaViolation> formatViolations(JsonNode object) {
        if (customResource == null || !formats && !uniqueLists) {
            return List.of();
        }
        var found = new ArrayList<SchemaViolation>();
        if (formats) {
            CustomResourceFormats.violations(object, customResource, FieldPath.root(), found);
        }
        if (uniqueLists) {
            CustomResourceLists.violations(object, customResource, FieldPath.root(), found);
        }
        return found;
    }

    /**
     * The validator's list of errors, keeping the first {@value #MAX_ERRORS}. Alternatives
     * ({@code oneOf}) collect theirs in lists of their own and add those that count to this one.
     */
    private static final class CappedErrors extends ArrayList<Error> {
        private static final long serialVersionUID = 1L;

        private long dropped;

        @Override
        public boolean add(Error error) {
            if (size() < MAX_ERRORS) {
                return super.add(error);
            }
            dropped++;
            return true;
        }

        @Override
        public boolean addAll(Collection<? extends Error> errors) {
            for (Error error : errors) {
                add(error);
            }
            return !errors.isEmpty();
        }
    }

    private static boolean isAlternatives(Error error) {
        return "oneOf".equals(error.getKeyword()) || "anyOf".equals(error.getKeyword());
    }

    private static boolean insideReportedAlternative(Error error, List<String> alternatives) {
        var path = error.getEvaluationPath().toString();
        for (var prefix : alternatives) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private SchemaViolation convert(Error error) {
        var instance = error.getInstanceNode();
        var at = fieldPath(error.getInstanceLocation());
        var keyword = error.getKeyword() == null ? "" : error.getKeyword();
        switch (keyword) {
            case "additionalProperties":
                var unknown = at.field().child(error.getProperty());
                return new SchemaViolation(unknown, ErrorType.FORBIDDEN, null,
                        "unknown field \"" + unknown + "\"");
            case "required":
                return new SchemaViolation(childOf(at, error.getProperty()), ErrorType.REQUIRED, null, "");
            default:
                break;
        }
        if (instance != null && instance.isNull()) {
            return null; // the API server treats null as absent
        }
        var detail = switch (keyword) {
            case "type" -> "must be of type " + expectedType(error);
            case "oneOf", "anyOf" -> "must be " + alternativesOf(error.getSchemaNode(), keyword);
            default -> error.getMessage();
        };
        return new SchemaViolation(at.field(), ErrorType.INVALID, render(instance), detail);
    }

    private static String expectedType(Error error) {
        var args = error.getArguments();
        if (args != null && args.length > 1 && args[1] != null) {
            return String.valueOf(args[1]);
        }
        var node = error.getSchemaNode();
        return node != null && node.isString() ? node.asString() : "another type";
    }

    private static String alternativesOf(JsonNode schemaNode, String keyword) {
        var branches = schemaNode != null && schemaNode.isObject() ? schemaNode.get(keyword) : schemaNode;
        Set<String> types = new LinkedHashSet<>();
        if (branches != null && branches.isArray()) {
            for (var branch : branches) {
                var type = branch.get("type");
                if (type == null || !type.isString()) {
                    return "valid against exactly one of the allowed forms";
                }
                types.add(withArticle(type.asString()));
            }
        }
        return types.isEmpty() ? "valid against exactly one of the allowed forms" : String.join(" or ", types);
    }

    private static String withArticle(String type) {
        return (type.startsWith("i") || type.startsWith("o") || type.startsWith("a") ? "an " : "a ") + type;
    }

    /** The value as the API server quotes it: strings in quotes, numbers bare, long values cut. */
    static String render(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return null;
        }
        return Trees.shortJson(value, MAX_VALUE_LENGTH);
    }

    /** Resolved position: the field path plus the schema in effect there (null if unknown). */
    private record Position(FieldPath field, JsonNode schema) {
    }

    private FieldPath childOf(Position at, String property) {
        if (at.schema() != null && isMap(at.schema())) {
            return at.field().key(property);
        }
        return at.field().child(property);
    }

    /**
     * Turns an instance location into an API-server path by walking the schema alongside, so
     * that entries of maps print as keys ({@code metadata.labels[tier]}) and fields as fields.
     */
    private Position fieldPath(NodePath location) {
        var path = FieldPath.root();
        JsonNode current = resolve(definitions.get(definition));
        for (int i = 0; i < location.getNameCount(); i++) {
            var element = location.getElement(i);
            if (element instanceof Integer index) {
                path = path.index(index);
                current = current == null ? null : resolve(current.get("items"));
                continue;
            }
            var name = String.valueOf(element);
            var properties = current == null ? null : current.get("properties");
            if (properties != null && properties.has(name)) {
                path = path.child(name);
                current = resolve(properties.get(name));
            } else if (current != null && isMap(current)) {
                path = path.key(name);
                current = resolve(current.get("additionalProperties"));
            } else {
                path = path.child(name);
                current = null;
            }
        }
        return new Position(path, current);
    }

    static boolean isMap(JsonNode schema) {
        var additional = schema.get("additionalProperties");
        return additional != null && additional.isObject() && !schema.has("properties");
    }

    private JsonNode resolve(JsonNode schema) {
        var node = schema;
        for (int hops = 0; node != null && node.has("$ref") && hops < 16; hops++) {
            node = definitions.get(SchemaCompiler.refName(node.get("$ref").asString()));
        }
        return node;
    }

    @Override
    public String toString() {
        return "KindSchema[" + apiVersion + " " + kind + " ← " + definition + "]";
    }
}
