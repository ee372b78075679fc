package dev.manifestkit.validation.rules;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.validation.RuleContext;
import tools.jackson.databind.node.ObjectNode;

/** Looking up the objects a reference names, in the checked object's namespace. */
final class References {

    private References() {
    }

    /** The object of this kind and name in the checked object's namespace (validated or existing), or null. */
    static ObjectNode find(RuleContext context, String kind, String name) {
        return context.set().find(kind, Nodes.namespace(context.tree()), name)
                .map(ManifestDocument::tree).orElse(null);
    }

    /** {@code in namespace "x"}, or {@code in the default namespace} for objects with none set. */
    static String where(RuleContext context) {
        var ns = Nodes.namespace(context.tree());
        return ns.isEmpty() ? "in this set (no namespace)" : "in namespace " + Nodes.quote(ns) + " of this set";
    }

    /** True if a Secret or ConfigMap has this key in data, stringData or binaryData. */
    static boolean hasKey(ObjectNode object, String key) {
        return has(object, "data", key) || has(object, "stringData", key) || has(object, "binaryData", key);
    }

    private static boolean has(ObjectNode object, String field, String key) {
        var map = Nodes.obj(object, field);
        return map != null && map.has(key);
    }
}
