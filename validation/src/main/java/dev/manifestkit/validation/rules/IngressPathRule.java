package dev.manifestkit.validation.rules;

import dev.manifestkit.core.syntax.IngressPaths;
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
                        + "paths are absolute, contain no '//', '/./', '/../' or '%2f' and do not end with '/..' or '/.'; an "
                        + "ImplementationSpecific path, if given, is absolute.");
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
                case "Exact", "Prefix", "ImplementationSpecific" -> {
                    String text = value == null ? "" : value;
                    for (String problem : IngressPaths.pathProblems(pathType, text)) {
                        context.report(path.child("path"), ErrorType.INVALID, Nodes.quote(text), problem);
                    }
                }
                default -> context.report(path.child("pathType"), ErrorType.NOT_SUPPORTED, Nodes.quote(pathType),
                        Nodes.supported("Exact", "ImplementationSpecific", "Prefix"));
            }
        });
    }
}
