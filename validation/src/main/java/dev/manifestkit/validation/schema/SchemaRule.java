package dev.manifestkit.validation.schema;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.RuleContext;
import tools.jackson.databind.JsonNode;

/**
 * Layer 1: the object against the official definitions of its apiVersion and kind (strict unless
 * the registry was built lenient). Objects without {@code apiVersion} or {@code kind} are reported
 * here too, since nothing else can be checked about them; objects whose kind has no schema are
 * left to {@link MissingSchemaRule}.
 */
public final class SchemaRule extends SchemaLayerRule {

    /** The rule id. */
    public static final String ID = "schema";

    /** A rule validating against this registry's schemas. */
    public SchemaRule(SchemaRegistry registry) {
        super(ID, "The object matches the official OpenAPI definitions of its apiVersion and kind"
                + " (unknown fields are errors in strict mode).", registry);
    }

    @Override
    public void check(RuleContext context) {
        var tree = context.tree();
        boolean identified = requireText(context, "apiVersion", "every object names its API group and version, such as apps/v1")
                & requireText(context, "kind", "every object names its kind, such as Deployment");
        if (!identified) {
            return;
        }
        registry.schemaFor(tree.get("apiVersion").asString(), tree.get("kind").asString())
                .ifPresent(schema -> schema.validate(tree).forEach(v -> {
                    if (!droppedOnCreate(tree, v)) {
                        context.report(v.path(), v.type(), v.badValue(), v.detail());
                    }
                }));
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
