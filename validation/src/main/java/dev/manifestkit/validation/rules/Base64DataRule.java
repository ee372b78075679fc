package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.node.ObjectNode;

/**
 * Secret {@code data} and ConfigMap {@code binaryData} values are base64: the API server decodes
 * them, and a plain-text value there is the most common Secret mistake. Values are never printed.
 */
final class Base64DataRule extends BaseRule {

    Base64DataRule() {
        super("api/base64-data", Layer.API, Severity.ERROR,
                "Values of Secret data and ConfigMap binaryData are valid (padded, standard) base64; plain text belongs "
                        + "in stringData or data.");
    }

    @Override
    public void check(RuleContext context) {
        var tree = context.tree();
        switch (Nodes.kind(tree)) {
            case "Secret" -> check(context, Nodes.obj(tree, "data"), FieldPath.root("data"), Secrets.REDACTED,
                    "illegal base64 data; values in `data` must be base64-encoded (plain text goes in `stringData`)");
            case "ConfigMap" -> check(context, Nodes.obj(tree, "binaryData"), FieldPath.root("binaryData"), null,
                    "illegal base64 data; values in `binaryData` must be base64-encoded (plain text goes in `data`)");
            default -> {
            }
        }
    }

    private static void check(RuleContext context, ObjectNode map, FieldPath path, String shown, String detail) {
        if (map == null) {
            return;
        }
        for (var entry : map.properties()) {
            if (entry.getValue().isString() && Secrets.decode(entry.getValue()) == null) {
                context.report(path.key(entry.getKey()), ErrorType.INVALID, shown, detail);
            }
        }
    }
}
