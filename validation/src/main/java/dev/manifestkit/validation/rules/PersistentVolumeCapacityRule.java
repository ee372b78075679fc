package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;

/** A PersistentVolume states its capacity, in storage only. */
final class PersistentVolumeCapacityRule extends BaseRule {

    private static final FieldPath CAPACITY = FieldPath.root("spec").child("capacity");

    PersistentVolumeCapacityRule() {
        super("api/pv-capacity", Layer.API, Severity.ERROR,
                "A PersistentVolume sets spec.capacity with a storage entry above zero and nothing else; a hostPath "
                        + "volume of '/' is not recycled.");
    }

    @Override
    public void check(RuleContext context) {
        var tree = context.tree();
        if (!Nodes.kind(tree).equals("PersistentVolume")) {
            return;
        }
        var capacity = Nodes.obj(tree, "spec", "capacity");
        if (capacity == null || capacity.isEmpty()) {
            context.report(CAPACITY, ErrorType.REQUIRED, "");
            return;
        }
        var storage = capacity.get("storage");
        var amount = Quantities.of(storage);
        if (amount != null && amount.signum() <= 0) {
            context.report(CAPACITY.key("storage"), ErrorType.INVALID, Quantities.show(storage), "must be greater than zero");
        }
        var spec = Nodes.obj(tree, "spec");
        var hostPath = Nodes.str(Nodes.obj(spec, "hostPath"), "path");
        if ("Recycle".equals(Nodes.str(spec, "persistentVolumeReclaimPolicy")) && hostPath != null && isRoot(hostPath)) {
            // recycling scrubs the volume: rm -rf of the node's root
            context.report(FieldPath.root("spec").child("persistentVolumeReclaimPolicy"), ErrorType.FORBIDDEN,
                    "may not be 'recycle' for a hostPath mount of '/'");
        }
        if (!capacity.has("storage") || capacity.size() > 1) {
            var keys = new StringBuilder("[");
            for (var key : capacity.propertyNames()) {
                keys.append(keys.length() > 1 ? ", " : "").append(Nodes.quote(key));
            }
            context.report(CAPACITY, ErrorType.NOT_SUPPORTED, keys.append(']').toString(), Nodes.supported("storage"));
        }
    }

    /** True if the path is '/' once cleaned, as Go's {@code path.Clean} cleans it ({@code /a/..}, {@code //.}). */
    private static boolean isRoot(String path) {
        if (!path.startsWith("/")) {
            return false;
        }
        int depth = 0;
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                depth = Math.max(0, depth - 1);
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                depth++;
            }
        }
        return depth == 0;
    }
}
