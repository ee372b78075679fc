package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;

/** A claim (or StatefulSet claim template) requests an amount of storage. */
final class StorageRequestRule extends BaseRule {

    StorageRequestRule() {
        super("api/storage-request", Layer.API, Severity.ERROR,
                "PersistentVolumeClaims and StatefulSet claim templates set spec.resources.requests.storage.");
    }

    @Override
    public void check(RuleContext context) {
        Quantities.forEachClaimSpec(context.tree(), (spec, path) -> {
            var requests = Nodes.obj(spec, "resources", "requests");
            if (requests == null || !requests.has("storage")) {
                context.report(path.child("resources").key("storage"), ErrorType.REQUIRED, "");
            }
        });
    }
}
