package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;

/**
 * A claim that names a StorageClass absent from the set: fine if the cluster has it (most
 * clusters ship a few), so only a hint to check the name.
 */
final class StorageClassReferenceRule extends BaseRule {

    StorageClassReferenceRule() {
        super("ref/storage-class", Layer.REFERENCES, Severity.INFO,
                "A claim (or claim template) names a StorageClass that is in the set, or that must exist in the "
                        + "cluster.");
    }

    @Override
    public void check(RuleContext context) {
        Quantities.forEachClaimSpec(context.tree(), (spec, path) -> {
            var name = Nodes.str(spec, "storageClassName");
            if (name != null && !name.isEmpty() && context.set().find("StorageClass", null, name).isEmpty()) {
                context.report(path.child("storageClassName"), ErrorType.NOT_FOUND, Nodes.quote(name),
                        "no StorageClass of that name in this set; it must exist in the cluster");
            }
        });
    }
}
