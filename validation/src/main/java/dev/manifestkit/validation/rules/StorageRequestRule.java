package dev.manifestkit.validation.rules;

import java.math.BigDecimal;

import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.node.ObjectNode;

/** A claim (or a StatefulSet's or ephemeral volume's claim template) requests an amount of storage. */
final class StorageRequestRule extends BaseRule {

    StorageRequestRule() {
        super("api/storage-request", Layer.API, Severity.ERROR,
                "PersistentVolumeClaims and claim templates (StatefulSet, ephemeral volume) set spec.resources.requests.storage, "
                        + "above zero; a dataSource or dataSourceRef names its kind and object, and is a "
                        + "PersistentVolumeClaim unless it gives an apiGroup; given both, they match.");
    }

    @Override
    public void check(RuleContext context) {
        Quantities.forEachClaimSpec(context, (spec, path) -> {
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
                context.report(storagePath, ErrorType.INVALID, Quantities.show(storage), "must be greater than zero");
            }
            dataSources(context, spec, path);
        });
    }

    /**
     * The data sources as the API server sees them after its create-time clean-up: a
     * {@code dataSourceRef} into another namespace is dropped (cross-namespace sources are an
     * alpha feature), and without a {@code dataSourceRef} a {@code dataSource} that is neither a
     * claim nor a VolumeSnapshot is dropped too. What is left is checked, and must agree.
     */
    private static void dataSources(RuleContext context, ObjectNode spec, FieldPath path) {
        var dataSource = Nodes.obj(spec, "dataSource");
        var dataSourceRef = Nodes.obj(spec, "dataSourceRef");
        var namespace = Nodes.str(dataSourceRef, "namespace");
        if (namespace != null && !namespace.isEmpty()) {
            dataSourceRef = null;
        }
        if (dataSourceRef == null && dataSource != null && !isClaimOrSnapshot(dataSource)) {
            dataSource = null;
        }
        if (dataSource != null) {
            dataSource(context, dataSource, path.child("dataSource"));
        }
        if (dataSourceRef != null) {
            dataSource(context, dataSourceRef, path.child("dataSourceRef"));
            if (dataSource != null && !sameObject(dataSource, dataSourceRef)) {
                // given one, the API server copies it into the other
                context.report(path, ErrorType.INVALID, path.child("dataSource").toString(), "must match dataSourceRef");
            }
        }
    }

    /** Whether a dataSource is one the API server keeps without a dataSourceRef. */
    static boolean isClaimOrSnapshot(ObjectNode dataSource) {
        var apiGroup = Nodes.str(dataSource, "apiGroup");
        var kind = Nodes.str(dataSource, "kind");
        return (apiGroup == null || apiGroup.isEmpty()) && "PersistentVolumeClaim".equals(kind)
                || "snapshot.storage.k8s.io".equals(apiGroup) && "VolumeSnapshot".equals(kind);
    }

    private static boolean sameObject(ObjectNode dataSource, ObjectNode dataSourceRef) {
        for (String field : new String[] {"apiGroup", "kind", "name"}) {
            var a = Nodes.get(dataSource, field);
            var b = Nodes.get(dataSourceRef, field);
            boolean aMissing = a == null || a.isNull();
            boolean bMissing = b == null || b.isNull();
            if (aMissing != bMissing || !aMissing && !a.equals(b)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A claim's dataSource names its kind and object; without an apiGroup it can only be another
     * claim (a VolumeSnapshot needs {@code apiGroup: snapshot.storage.k8s.io}).
     */
    private static void dataSource(RuleContext context, ObjectNode dataSource, FieldPath path) {
        for (String field : new String[] {"name", "kind"}) {
            if ("".equals(Nodes.str(dataSource, field))) {
                context.report(path.child(field), ErrorType.REQUIRED, "");
            }
        }
        var kind = Nodes.str(dataSource, "kind");
        var apiGroup = Nodes.str(dataSource, "apiGroup");
        if (kind == null) {
            return; // the schema layer's finding
        }
        if (apiGroup == null || apiGroup.isEmpty()) {
            if (!kind.equals("PersistentVolumeClaim")) {
                context.report(path, ErrorType.INVALID, Nodes.quote(kind),
                        "must be 'PersistentVolumeClaim' when referencing the default apiGroup");
            }
        } else {
            for (var msg : Names.dns1123Subdomain(apiGroup)) {
                context.report(path.child("apiGroup"), ErrorType.INVALID, Nodes.quote(apiGroup), msg);
            }
        }
    }
}
