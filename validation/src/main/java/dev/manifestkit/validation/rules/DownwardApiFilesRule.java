package dev.manifestkit.validation.rules;

import dev.manifestkit.core.syntax.DownwardApi;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.node.ObjectNode;

/**
 * Each file of a downwardAPI volume (or of a projected volume's downwardAPI source) reads either
 * a pod field or a container resource. Files may read fewer pod fields than env vars (no node or
 * IPs) but whole label and annotation maps; a resource needs its container named, since a volume
 * belongs to no container. Item paths and modes are api/volume-paths'.
 */
final class DownwardApiFilesRule extends BaseRule {

    DownwardApiFilesRule() {
        super("api/downward-api-files", Layer.API, Severity.ERROR,
                "Each downwardAPI volume file (also in projected volumes) has exactly one of fieldRef and "
                        + "resourceFieldRef: a fieldPath a file may read (" + String.join(", ",
                        DownwardApi.VOLUME_FIELD_PATHS) + ", or one label or annotation), or a container resource "
                        + "with its containerName and a divisor it supports, as for env vars.");
    }

    @Override
    public void check(RuleContext context) {
        var pod = PodSpecs.of(context);
        if (pod == null) {
            return;
        }
        Nodes.forEachObject(pod.spec(), "volumes", pod.path(), (volume, path, i) -> {
            files(context, Nodes.obj(volume, "downwardAPI"), path.child("downwardAPI"));
            Nodes.forEachObject(Nodes.obj(volume, "projected"), "sources", path.child("projected"),
                    (source, sourcePath, j) -> files(context, Nodes.obj(source, "downwardAPI"),
                            sourcePath.child("downwardAPI")));
        });
    }

    private static void files(RuleContext context, ObjectNode source, FieldPath sourcePath) {
        Nodes.forEachObject(source, "items", sourcePath, (item, itemPath, i) -> {
            var fieldRef = Nodes.obj(item, "fieldRef");
            var resourceFieldRef = Nodes.obj(item, "resourceFieldRef");
            if (fieldRef != null) {
                var fieldPath = Nodes.str(fieldRef, "fieldPath");
                if (!EnvValueFromRule.fieldRefVersion(context, fieldRef, itemPath.child("fieldRef"))) {
                    fieldPath = null; // not converted, not checked further
                }
                if ("".equals(fieldPath)) {
                    context.report(itemPath.child("fieldRef", "fieldPath"), ErrorType.REQUIRED, "");
                } else if (fieldPath != null) {
                    EnvValueFromRule.checkFieldPath(context, fieldPath, itemPath.child("fieldRef", "fieldPath"),
                            DownwardApi.VOLUME_FIELD_PATHS);
                }
                if (resourceFieldRef != null) {
                    context.report(itemPath, ErrorType.INVALID, "\"resource\"",
                            "fieldRef and resourceFieldRef can not be specified simultaneously");
                }
            } else if (resourceFieldRef != null) {
                var containerName = Nodes.get(resourceFieldRef, "containerName");
                if (containerName == null || containerName.isNull()
                        || containerName.isString() && containerName.asString().isEmpty()) {
                    context.report(itemPath.child("resourceFieldRef", "containerName"), ErrorType.REQUIRED, "");
                } else {
                    EnvValueFromRule.checkResource(context, resourceFieldRef, itemPath.child("resourceFieldRef"));
                }
                EnvValueFromRule.checkDivisor(context, resourceFieldRef, itemPath.child("resourceFieldRef"));
            } else {
                context.report(itemPath, ErrorType.REQUIRED, "one of fieldRef and resourceFieldRef is required");
            }
        });
    }
}
