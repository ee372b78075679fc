package dev.manifestkit.validation.rules;

import java.nio.charset.StandardCharsets;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.node.ObjectNode;

/** A Secret's or ConfigMap's payload stays within 1 MiB, the size etcd is set up to store. */
final class DataSizeRule extends BaseRule {

    static final int MAX_SIZE = 1024 * 1024;

    DataSizeRule() {
        super("api/data-size", Layer.API, Severity.ERROR,
                "The values of a Secret (data and stringData) or a ConfigMap (data and binaryData) total at most "
                        + MAX_SIZE + " bytes.");
    }

    @Override
    public void check(RuleContext context) {
        var tree = context.tree();
        long total;
        switch (Nodes.kind(tree)) {
            case "Secret" -> total = decoded(Nodes.obj(tree, "data")) + text(Nodes.obj(tree, "stringData"));
            case "ConfigMap" -> total = text(Nodes.obj(tree, "data")) + decoded(Nodes.obj(tree, "binaryData"));
            default -> {
                return;
            }
        }
        if (total > MAX_SIZE) {
            context.report(FieldPath.root("data"), ErrorType.TOO_LONG, "must have at most " + MAX_SIZE + " bytes");
        }
    }

    private static long decoded(ObjectNode map) {
        long total = 0;
        if (map != null) {
            for (var value : map.values()) {
                if (value.isString()) {
                    // 3 bytes per 4 characters; exact enough for a 1 MiB limit without decoding
                    total += value.asString().length() / 4L * 3;
                }
            }
        }
        return total;
    }

    private static long text(ObjectNode map) {
        long total = 0;
        if (map != null) {
            for (var value : map.values()) {
                if (value.isString()) {
                    total += value.asString().getBytes(StandardCharsets.UTF_8).length;
                }
            }
        }
        return total;
    }
}
