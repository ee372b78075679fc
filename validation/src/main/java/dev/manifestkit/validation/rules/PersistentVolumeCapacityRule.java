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
                "A PersistentVolume sets spec.capacity with a storage entry and nothing else.");
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
        if (!capacity.has("storage") || capacity.size() > 1) {
            var keys = new StringBuilder("[");
            for (var key : capacity.propertyNames()) {
                keys.append(keys.length() > 1 ? ", " : "").append(Nodes.quote(key));
            }
            context.report(CAPACITY, ErrorType.NOT_SUPPORTED, keys.append(']').toString(), Nodes.supported("storage"));
        }
    }
}
