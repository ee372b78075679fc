package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;

/**
 * A claim that names a StorageClass absent from the set: fine if the cluster has it (most
 * clusters ship a few), so only a hint to check the name. A class name that a PersistentVolume of
 * the set carries needs no StorageClass object: static provisioning matches claims to volumes by
 * that name alone.
 */
final class StorageClassReferenceRule extends BaseRule {

    StorageClassReferenceRule() {
        super("ref/storage-class", Layer.REFERENCES, Severity.INFO,
                "A claim (or claim template) names a StorageClass that is in the set, or that must exist in the "
                        + "cluster.");
    }

    @Override
    public void check(RuleContext context) {
        Quantities.forEachClaimSpec(context, (spec, path) -> {
            var name = Nodes.str(spec, "storageClassName");
            if (name != null && !name.isEmpty() && context.set().find("StorageClass", null, name).isEmpty()
                    && !carriedByAVolume(context, name)) {
                context.report(path.child("storageClassName"), ErrorType.NOT_FOUND, Nodes.quote(name),
                        "no StorageClass of that name in this set; it must exist in the cluster");
            }
        });
    }

    private static boolean carriedByAVolume(RuleContext context, String storageClassName) {
        for (var volume : context.set().ofKind("PersistentVolume")) {
            if (storageClassName.equals(Nodes.str(Nodes.obj(volume.tree(), "spec"), "storageClassName"))) {
                return true;
            }
        }
        return false;
    }
}
