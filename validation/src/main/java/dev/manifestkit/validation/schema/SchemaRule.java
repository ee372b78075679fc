package dev.manifestkit.validation.schema;

import java.util.Optional;
import java.util.function.LongConsumer;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.RuleContext;
import tools.jackson.databind.JsonNode;

/**
 * Layer 1: the object against the official definitions of its apiVersion and kind (strict unless
 * the registry was built lenient). Objects without {@code apiVersion} or {@code kind} are reported
 * here too, since nothing else can be checked about them; objects whose kind has no schema are
 * left to {@link MissingSchemaRule}.
 *
 * <p>With {@link #withCustomResources}, an object whose kind the registry lacks is validated
 * against the schema a CustomResourceDefinition of the set gives it, and a definition's own
 * unusable schemas are reported on the definition, once.
 */
public final class SchemaRule extends SchemaLayerRule {

    /** The rule id. */
    public static final String ID = "schema";

    private final CustomResourceSchemas customResources;

    /** A rule validating against this registry's schemas. */
    public SchemaRule(SchemaRegistry registry) {
        this(registry, null);
    }

    private SchemaRule(SchemaRegistry registry, CustomResourceSchemas customResources) {
        super(ID, "The object matches the official OpenAPI definitions of its apiVersion and kind, or the schema"
                + " a CustomResourceDefinition of the set gives it (unknown fields are errors in strict mode).", registry);
        this.customResources = customResources;
    }

    /** The same rule, also consulting these CustomResourceDefinitions after the registry. */
    public SchemaRule withCustomResources(CustomResourceSchemas customResources) {
        return new SchemaRule(registry, customResources);
    }

    @Override
    public void check(RuleContext context) {
        var tree = context.tree();
        boolean identified = requireText(context, "apiVersion", "every object names its API group and version, such as apps/v1")
                & requireText(context, "kind", "every object names its kind, such as Deployment");
        if (!identified) {
            return;
        }
        var apiVersion = tree.get("apiVersion").asString();
        var kind = tree.get("kind").asString();
        Optional<KindSchema> schema;
        try {
            schema = registry.schemaFor(apiVersion, kind);
        } catch (IllegalArgumentException e) { // definitions that refer to ones they lack: the file's fault, said once
            context.report(FieldPath.root(), ErrorType.NOT_FOUND, "cannot check " + apiVersion + " " + kind + ": "
                    + e.getMessage());
            return;
        }
        if (schema.isPresent()) {
            report(context, schema.get(), false);
        } else if (customResources != null) {
            var found = customResources.lookup(apiVersion, kind);
            if (found instanceof CustomResourceSchemas.Found custom) {
                report(context, custom.schema(), custom.statusSubresource());
            } else if (found instanceof CustomResourceSchemas.Conflict conflict) {
                context.report(FieldPath.root(), ErrorType.INVALID, conflictMessage(apiVersion, kind, conflict));
            }
        }
        if (customResources != null && CustomResourceSchemas.KIND.equals(kind)) {
            for (var problem : customResources.problemsOf(context.document())) {
                context.report(problem.path(), problem.locationPointer(), problem.type(), problem.badValue(),
                        problem.detail());
            }
        }
    }

    /** What an object of an apiVersion and kind that definitions of the set disagree on is told. */
    public static String conflictMessage(String apiVersion, String kind, CustomResourceSchemas.Conflict conflict) {
        return "the CustomResourceDefinitions " + String.join(", ", conflict.definitions()) + " give " + apiVersion
                + " " + kind + " different schemas; not validated against either";
    }

    private static void report(RuleContext context, KindSchema schema, boolean statusDropped) {
        var tree = context.tree();
        // with the status dropped, errors beyond the cap cannot be told from those in the status: a doubt accepts
        LongConsumer notShown = statusDropped ? count -> { } : context::reportNotShown;
        schema.validate(tree, notShown).forEach(v -> {
            if (!droppedOnCreate(tree, v) && !(statusDropped && droppedStatus(v))) {
                context.report(v.path(), v.type(), v.badValue(), v.detail());
            }
        });
    }

    /**
     * A field missing from a part of the object that the API server drops before validating it,
     * so that nothing there is required: on creating a PersistentVolumeClaim, a dataSourceRef into
     * another namespace (CrossNamespaceVolumeDataSource, alpha, is off) and then, without a
     * dataSourceRef, a dataSource that is neither a claim nor a snapshot.storage.k8s.io
     * VolumeSnapshot (EnforceDataSourceBackwardsCompatibility). Unknown fields and wrong types
     * there still count: those fail decoding, before the strategy runs.
     */
    private static boolean droppedOnCreate(JsonNode tree, SchemaViolation violation) {
        if (violation.type() != ErrorType.REQUIRED || !"PersistentVolumeClaim".equals(tree.path("kind").asString(null))
                || !"v1".equals(tree.path("apiVersion").asString(null))) {
            return false;
        }
        var path = violation.path().toString();
        var spec = tree.path("spec");
        var dataSourceRef = spec.get("dataSourceRef");
        var namespace = dataSourceRef == null ? null : dataSourceRef.get("namespace");
        boolean refDropped = namespace != null && namespace.isString() && !namespace.asString().isEmpty();
        if (path.startsWith("spec.dataSourceRef.")) {
            return refDropped;
        }
        if (!path.startsWith("spec.dataSource.")) {
            return false;
        }
        boolean noRef = refDropped || dataSourceRef == null || dataSourceRef.isNull();
        return noRef && !isClaimOrSnapshot(spec.get("dataSource"));
    }

    /**
     * A finding in the {@code status} of a custom resource whose definition enables the status
     * subresource: the server deletes {@code status} before validating a create (the custom
     * resource strategy's PrepareForCreate; an update keeps the old one), so nothing there is
     * checked. Unknown fields still count: strict field validation finds them while decoding,
     * before the strategy runs.
     */
    private static boolean droppedStatus(SchemaViolation violation) {
        var pointer = violation.path().toJsonPointer();
        return (pointer.equals("/status") || pointer.startsWith("/status/"))
                && !(violation.type() == ErrorType.FORBIDDEN && violation.detail().startsWith("unknown field"));
    }

    /** The data sources a claim may name without a dataSourceRef (pvcutil's dataSourceIsEnabled). */
    private static boolean isClaimOrSnapshot(JsonNode dataSource) {
        var apiGroup = text(dataSource, "apiGroup");
        var kind = text(dataSource, "kind");
        return apiGroup.isEmpty() && kind.equals("PersistentVolumeClaim")
                || apiGroup.equals("snapshot.storage.k8s.io") && kind.equals("VolumeSnapshot");
    }

    private static String text(JsonNode node, String field) {
        var value = node == null ? null : node.get(field);
        return value != null && value.isString() ? value.asString() : "";

    }

    private static boolean requireText(RuleContext context, String field, String why) {
        var value = context.tree().get(field);
        if (value == null || value.isNull() || (value.isString() && value.asString().isEmpty())) {
            context.report(FieldPath.root(field), ErrorType.REQUIRED, why);
            return false;
        }
        if (!value.isString()) {
            context.report(FieldPath.root(field), ErrorType.INVALID, KindSchema.render(value), "must be of type string");
            return false;
        }
        return true;
    }
}
