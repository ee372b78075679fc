package dev.manifestkit.validation.schema;

import java.util.regex.Pattern;

import dev.manifestkit.validation.ApiGroups;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.RuleContext;

/**
 * An object of an alpha or beta version of a Kubernetes API group ({@code resource.k8s.io/v1beta1}):
 * the official definitions document it, so its fields are checked, but an API server serves alpha
 * versions, and beta versions introduced since 1.24 (KEP-3136, which covers every beta version of
 * the bundled 1.33 to 1.36 definitions), only when enabled with {@code --runtime-config}. A
 * default cluster answers {@code kubectl apply} with "no matches for kind … in version …".
 * Definitions given with {@code schemaLocation} (a cluster's own {@code /openapi/v2}, which lists
 * what that cluster serves) that declare the version count as served.
 */
public final class NotServedRule extends SchemaLayerRule {

    /** The rule id. */
    public static final String ID = "schema/not-served";

    private static final Pattern PRE_RELEASE = Pattern.compile("v\\d+(alpha|beta)\\d+");

    /** A rule looking kinds up in this registry. */
    public NotServedRule(SchemaRegistry registry) {
        super(ID, "The object's apiVersion is one a default API server serves: not an alpha or beta version of a "
                + "Kubernetes API group, which is served only when enabled with --runtime-config.", registry);
    }

    @Override
    public void check(RuleContext context) {
        var apiVersionNode = context.tree().get("apiVersion");
        if (apiVersionNode == null || !apiVersionNode.isString()) {
            return;
        }
        var apiVersion = apiVersionNode.asString();
        if (!apiVersion.contains("alpha") && !apiVersion.contains("beta")) {
            return; // every object of a stable version, at no cost
        }
        var kind = context.document().kind().orElse("");
        int slash = apiVersion.indexOf('/');
        var version = apiVersion.substring(slash + 1);
        if (kind.isEmpty() || !PRE_RELEASE.matcher(version).matches() || ApiGroups.isCustomResource(apiVersion)
                || !registry.onlyOfficiallyDeclared(apiVersion, kind)) {
            return;
        }
        var stable = registry.officialStableVersion(slash < 0 ? "" : apiVersion.substring(0, slash), kind);
        context.report(FieldPath.root(), ErrorType.NOT_FOUND, apiVersion + " " + kind + " is not served by default: "
                + "Kubernetes " + registry.version() + " serves " + (version.contains("alpha") ? "alpha" : "beta")
                + " API versions only when enabled with --runtime-config"
                + stable.map(v -> "; " + v + " is served").orElse(""));
    }
}
