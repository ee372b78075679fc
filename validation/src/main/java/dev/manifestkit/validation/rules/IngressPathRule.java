package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;

/**
 * Every Ingress path states a supported pathType, and Prefix and Exact paths are absolute
 * (an ImplementationSpecific path, if given, too).
 */
final class IngressPathRule extends BaseRule {

    IngressPathRule() {
        super("api/ingress-path", Layer.API, Severity.ERROR,
                "Every Ingress HTTP path has a pathType (Exact, ImplementationSpecific or Prefix); Exact and Prefix "
                        + "paths are absolute and free of '//'.");
    }

    @Override
    public void check(RuleContext context) {
        var tree = context.tree();
        if (!Nodes.kind(tree).equals("Ingress")) {
            return;
        }
        Ingresses.forEachPath(tree, (httpPath, path) -> {
            var pathType = Nodes.str(httpPath, "pathType");
            var value = Nodes.str(httpPath, "path");
            if (pathType == null) {
                return; // absent: the schema layer reports it
            }
            if (pathType.isEmpty()) {
                context.report(path.child("pathType"), ErrorType.REQUIRED, "pathType must be specified");
                return;
            }
            switch (pathType) {
                case "Exact", "Prefix" -> {
                    if (value == null || !value.startsWith("/")) {
                        context.report(path.child("path"), ErrorType.INVALID, Nodes.quote(value == null ? "" : value),
                                "must be an absolute path");
                    } else if (value.contains("//")) {
                        context.report(path.child("path"), ErrorType.INVALID, Nodes.quote(value), "must not contain '//'");
                    }
                }
                case "ImplementationSpecific" -> {
                    if (value != null && !value.isEmpty() && !value.startsWith("/")) {
                        context.report(path.child("path"), ErrorType.INVALID, Nodes.quote(value),
                                "must be an absolute path");
                    }
                }
                default -> context.report(path.child("pathType"), ErrorType.NOT_SUPPORTED, Nodes.quote(pathType),
                        Nodes.supported("Exact", "ImplementationSpecific", "Prefix"));
            }
        });
    }
}
