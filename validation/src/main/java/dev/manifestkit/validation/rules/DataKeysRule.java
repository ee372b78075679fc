package dev.manifestkit.validation.rules;

import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.node.ObjectNode;

/**
 * Secret and ConfigMap keys are valid file names for volume projection ({@code [-._a-zA-Z0-9]+},
 * not {@code .} or {@code ..}), and a ConfigMap key is in data or binaryData, not both.
 */
final class DataKeysRule extends BaseRule {

    DataKeysRule() {
        super("api/data-keys", Layer.API, Severity.ERROR,
                "Keys of Secret data/stringData and ConfigMap data/binaryData consist of alphanumerics, '-', '_' or "
                        + "'.' (at most 253, not '.' or '..'); a ConfigMap key is not in both data and binaryData.");
    }

    @Override
    public void check(RuleContext context) {
        var tree = context.tree();
        switch (Nodes.kind(tree)) {
            case "Secret" -> {
                keys(context, Nodes.obj(tree, "data"), FieldPath.root("data"));
                keys(context, Nodes.obj(tree, "stringData"), FieldPath.root("stringData"));
            }
            case "ConfigMap" -> {
                var data = Nodes.obj(tree, "data");
                var binary = Nodes.obj(tree, "binaryData");
                keys(context, data, FieldPath.root("data"));
                keys(context, binary, FieldPath.root("binaryData"));
                if (data != null && binary != null) {
                    for (var key : binary.propertyNames()) {
                        if (data.has(key)) {
                            context.report(FieldPath.root("data").key(key), ErrorType.INVALID, Nodes.quote(key),
                                    "duplicate of key present in binaryData");
                        }
                    }
                }
            }
            default -> {
            }
        }
    }

    private static void keys(RuleContext context, ObjectNode map, FieldPath path) {
        if (map == null) {
            return;
        }
        for (var key : map.propertyNames()) {
            for (var msg : Names.configMapKey(key)) {
                context.report(path.key(key), ErrorType.INVALID, Nodes.quote(key), msg);
            }
        }
    }
}
