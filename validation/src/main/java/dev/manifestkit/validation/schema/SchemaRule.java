package dev.manifestkit.validation.schema;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.RuleContext;

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
                .ifPresent(schema -> schema.validate(tree).forEach(v ->
                        context.report(v.path(), v.type(), v.badValue(), v.detail())));
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
