package dev.manifestkit.validation.rules;

import java.util.Arrays;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.node.ObjectNode;

/**
 * Claims (PersistentVolumeClaims, and the claim templates of StatefulSets and ephemeral volumes)
 * and PersistentVolumes list at least one supported access mode, and ReadWriteOncePod alone.
 */
final class AccessModesRule extends BaseRule {

    static final String[] MODES = {"ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"};

    AccessModesRule() {
        super("api/access-modes", Layer.API, Severity.ERROR,
                "PersistentVolumeClaims, claim templates and PersistentVolumes list at least one access mode, each "
                        + "one of " + String.join(", ", Arrays.asList(MODES)) + ", and ReadWriteOncePod only alone.");
    }

    @Override
    public void check(RuleContext context) {
        var tree = context.tree();
        if (Nodes.kind(tree).equals("PersistentVolume")) {
            var spec = Nodes.obj(tree, "spec");
            if (spec != null) {
                check(context, spec, FieldPath.root("spec"));
            }
            return;
        }
        Quantities.forEachClaimSpec(context, (spec, path) -> {
            // a claim with a dataSource may inherit its modes; the server still requires them
            check(context, spec, path);
        });
    }

    private static void check(RuleContext context, ObjectNode spec, FieldPath specPath) {
        var modes = Nodes.arr(spec, "accessModes");
        var path = specPath.child("accessModes");
        if (modes == null || modes.isEmpty()) {
            context.report(path, ErrorType.REQUIRED, "at least 1 access mode is required");
            return;
        }
        boolean oncePod = false;
        for (var mode : modes) {
            if (!mode.isString()) {
                continue;
            }
            if (!Nodes.oneOf(mode.asString(), MODES)) {
                context.report(path, ErrorType.NOT_SUPPORTED, Nodes.quote(mode.asString()), Nodes.supported(MODES));
            }
            oncePod |= mode.asString().equals("ReadWriteOncePod");
        }
        if (oncePod && modes.size() > 1) {
            context.report(path, ErrorType.FORBIDDEN, "may not use ReadWriteOncePod with other access modes");
        }
    }
}
