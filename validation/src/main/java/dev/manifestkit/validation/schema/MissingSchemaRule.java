package dev.manifestkit.validation.schema;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.RuleContext;

/**
 * An object whose apiVersion and kind no definitions document declares: a typo, a removed API
 * version ({@code apps/v1beta1}), or a custom resource whose definitions were not supplied.
 * Disabled by {@code skipMissingSchemas}.
 */
public final class MissingSchemaRule extends SchemaLayerRule {

    /** The rule id. */
    public static final String ID = "schema/missing";

    /** A rule looking kinds up in this registry. */
    public MissingSchemaRule(SchemaRegistry registry) {
        super(ID, "There is a schema for the object's apiVersion and kind (skip with --skip-missing-schemas).", registry);
    }

    @Override
    public void check(RuleContext context) {
        var apiVersion = context.document().apiVersion();
        var kind = context.document().kind();
        if (apiVersion.isEmpty() || kind.isEmpty() || apiVersion.get().isEmpty() || kind.get().isEmpty()) {
            return; // reported by the schema rule
        }
        if (registry.schemaFor(apiVersion.get(), kind.get()).isEmpty()) {
            context.report(FieldPath.root(), ErrorType.NOT_FOUND, "no schema for " + apiVersion.get() + " "
                    + kind.get() + " in " + registry.describe());
        }
    }
}
