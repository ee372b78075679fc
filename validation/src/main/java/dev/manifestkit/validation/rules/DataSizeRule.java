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
            case "Secret" -> {
                // the API server merges stringData into data, a key in both keeping stringData's value
                var stringData = Nodes.obj(tree, "stringData");
                total = decoded(Nodes.obj(tree, "data"), stringData) + text(stringData);
            }
            case "ConfigMap" -> total = text(Nodes.obj(tree, "data")) + decoded(Nodes.obj(tree, "binaryData"), null);
            default -> {
                return;
            }
        }
        if (total > MAX_SIZE) {
            context.report(FieldPath.root("data"), ErrorType.TOO_LONG, "must have at most " + MAX_SIZE + " bytes");
        }
    }

    /** The decoded size of the base64 values, leaving out the keys {@code replaced} has. */
    private static long decoded(ObjectNode map, ObjectNode replaced) {
        long total = 0;
        if (map != null) {
            for (var entry : map.properties()) {
                var value = entry.getValue();
                if (value.isString() && (replaced == null || !replaced.has(entry.getKey()))) {
                    total += decodedLength(value.asString());
                }
            }
        }
        return total;
    }

    /**
     * The number of bytes base64 text decodes to, without decoding it: line breaks (which the
     * server's decoder skips) and padding do not count. Text that is not base64 is
     * api/base64-data's finding; its estimate here is three bytes per four characters.
     */
    static long decodedLength(String text) {
        long characters = 0;
        int padding = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                continue;
            }
            characters++;
            padding = c == '=' ? padding + 1 : 0;
        }
        return Math.max(0, characters / 4 * 3 - Math.min(padding, 2));
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
