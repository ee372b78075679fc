package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.RuleContext;

/**
 * A claim's data source the API server silently drops on create, leaving the volume empty where
 * the author expected a copy or a restored snapshot: without a {@code dataSourceRef}, a
 * {@code dataSource} is kept only when it is a claim or a VolumeSnapshot of
 * {@code snapshot.storage.k8s.io} (a snapshot without its apiGroup is dropped); a
 * {@code dataSourceRef} into another namespace is dropped too (an alpha feature, off by default).
 */
final class DroppedDataSourceRule extends LintRule {

    DroppedDataSourceRule() {
        super("dropped-data-source", false,
                "A claim's dataSource or dataSourceRef is one the API server keeps: without dataSourceRef only a "
                        + "PersistentVolumeClaim or a snapshot.storage.k8s.io VolumeSnapshot, and no dataSourceRef into "
                        + "another namespace; the server drops others silently and the volume starts empty.");
    }

    @Override
    void lint(RuleContext context) {
        Quantities.forEachClaimSpec(context, (spec, path) -> {
            var dataSourceRef = Nodes.obj(spec, "dataSourceRef");
            var namespace = Nodes.str(dataSourceRef, "namespace");
            if (namespace != null && !namespace.isEmpty()) {
                context.report(path.child("dataSourceRef", "namespace"), ErrorType.ADVICE, Nodes.quote(namespace),
                        "the API server drops a dataSourceRef into another namespace unless the alpha feature "
                                + "CrossNamespaceVolumeDataSource is on; the volume would start empty");
                dataSourceRef = null;
            }
            var dataSource = Nodes.obj(spec, "dataSource");
            if (dataSource != null && dataSourceRef == null && !StorageRequestRule.isClaimOrSnapshot(dataSource)) {
                var kind = Nodes.str(dataSource, "kind");
                context.report(path.child("dataSource"), ErrorType.ADVICE, Nodes.quote(kind == null ? "" : kind),
                        "the API server drops a dataSource that is neither a PersistentVolumeClaim nor a VolumeSnapshot "
                                + "(apiGroup snapshot.storage.k8s.io) unless dataSourceRef is set; the volume would "
                                + "start empty");
            }
        });
    }
}
