package dev.manifestkit.validation.schema;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.RuleContext;

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
        var schema = registry.schemaFor(apiVersion, kind);
        if (schema.isPresent()) {
            report(context, schema.get());
        } else if (customResources != null) {
            var found = customResources.lookup(apiVersion, kind);
            if (found instanceof CustomResourceSchemas.Found custom) {
                report(context, custom.schema());
            } else if (found instanceof CustomResourceSchemas.Conflict conflict) {
                context.report(FieldPath.root(), ErrorType.INVALID, conflictMessage(apiVersion, kind, conflict));
            }
        }
        if (customResources != null && CustomResourceSchemas.KIND.equals(kind)) {
            for (var problem : customResources.problemsOf(context.document())) {
                context.report(problem.path(), problem.type(), problem.detail());
            }
        }
    }

    /** What an object of an apiVersion and kind that definitions of the set disagree on is told. */
    public static String conflictMessage(String apiVersion, String kind, CustomResourceSchemas.Conflict conflict) {
        return "the CustomResourceDefinitions " + String.join(", ", conflict.definitions()) + " give " + apiVersion
                + " " + kind + " different schemas; not validated against either";
    }

    private static void report(RuleContext context, KindSchema schema) {
        schema.validate(context.tree()).forEach(v -> context.report(v.path(), v.type(), v.badValue(), v.detail()));
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
