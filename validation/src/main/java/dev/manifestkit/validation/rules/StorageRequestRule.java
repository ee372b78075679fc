package dev.manifestkit.validation.rules;

import java.math.BigDecimal;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;

/** A claim (or StatefulSet claim template) requests an amount of storage. */
final class StorageRequestRule extends BaseRule {

    StorageRequestRule() {
        super("api/storage-request", Layer.API, Severity.ERROR,
                "PersistentVolumeClaims and StatefulSet claim templates set spec.resources.requests.storage, "
                        + "above zero, and a dataSource names its kind and object.");
    }

    @Override
    public void check(RuleContext context) {
        Quantities.forEachClaimSpec(context.tree(), (spec, path) -> {
            var requests = Nodes.obj(spec, "resources", "requests");
            // the API server's path: resources[storage], not resources.requests[storage]
            var storagePath = path.child("resources").key("storage");
            if (requests == null || !requests.has("storage")) {
                context.report(storagePath, ErrorType.REQUIRED, "");
                return;
            }
            var storage = requests.get("storage");
            BigDecimal amount = Quantities.of(storage);
            if (amount != null && amount.signum() <= 0) {
                context.report(storagePath, ErrorType.INVALID, Nodes.show(storage), "must be greater than zero");
            }
            var dataSource = Nodes.obj(spec, "dataSource");
            if (dataSource != null) {
                for (String field : new String[] {"name", "kind"}) {
                    if ("".equals(Nodes.str(dataSource, field))) {
                        context.report(path.child("dataSource", field), ErrorType.REQUIRED, "");
                    }
                }
            }
        });
    }
}
