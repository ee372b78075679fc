package dev.manifestkit.validation.schema;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.RuleContext;

/**
 * An object whose apiVersion and kind no definitions document declares: a typo, a removed API
 * version ({@code apps/v1beta1}), or a custom resource whose definitions were not supplied.
 * Disabled by {@code skipMissingSchemas}.
 *
 * <p>With {@link #withCustomResources}, the CustomResourceDefinitions of the set count as
 * schemas too; when one declares the group and kind but not a served, usable version of it, the
 * message says which versions it has (the API server answers such an object with "no matches for
 * kind … in version …").
 */
public final class MissingSchemaRule extends SchemaLayerRule {

    /** The rule id. */
    public static final String ID = "schema/missing";

    private final CustomResourceSchemas customResources;

    /** A rule looking kinds up in this registry. */
    public MissingSchemaRule(SchemaRegistry registry) {
        this(registry, null);
    }

    private MissingSchemaRule(SchemaRegistry registry, CustomResourceSchemas customResources) {
        super(ID, "There is a schema for the object's apiVersion and kind, official, given or from a"
                + " CustomResourceDefinition of the set (skip with --skip-missing-schemas).", registry);
        this.customResources = customResources;
    }

    /** The same rule, also consulting these CustomResourceDefinitions after the registry. */
    public MissingSchemaRule withCustomResources(CustomResourceSchemas customResources) {
        return new MissingSchemaRule(registry, customResources);
    }

    @Override
    public void check(RuleContext context) {
        var apiVersion = context.document().apiVersion();
        var kind = context.document().kind();
        if (apiVersion.isEmpty() || kind.isEmpty() || apiVersion.get().isEmpty() || kind.get().isEmpty()) {
            return; // reported by the schema rule
        }
        try {
            if (registry.schemaFor(apiVersion.get(), kind.get()).isPresent()) {
                return;
            }
        } catch (IllegalArgumentException e) {
            return; // declared, by definitions that cannot be used: the schema rule says so
        }
        var found = customResources == null ? null : customResources.lookup(apiVersion.get(), kind.get());
        var message = "no schema for " + apiVersion.get() + " " + kind.get() + " in " + registry.describe();
        if (found instanceof CustomResourceSchemas.NoSuchVersion none) {
            message += " or the CustomResourceDefinitions of the set: " + String.join(", ", none.definitions())
                    + (none.definitions().size() > 1 ? " define" : " defines")
                    + (none.versions().size() > 1 ? " the versions " : " only the version ")
                    + String.join(", ", none.versions());
        } else if (found instanceof CustomResourceSchemas.NotServed notServed) {
            message = apiVersion.get() + " " + kind.get() + " is not served: the CustomResourceDefinition "
                    + notServed.definition() + " has served: false for it"
                    + (notServed.servedVersions().isEmpty() ? " and serves no version"
                    : " (served: " + String.join(", ", notServed.servedVersions()) + ")");
        } else if (found instanceof CustomResourceSchemas.Unusable unusable) {
            message += " or the CustomResourceDefinitions of the set: " + unusable.definition() + " "
                    + unusable.reason();
        } else if (found != null && !(found instanceof CustomResourceSchemas.None)) {
            return; // found (validated by the schema rule) or conflicting (reported by it)
        }
        context.report(FieldPath.root(), ErrorType.NOT_FOUND, message);
    }
}
