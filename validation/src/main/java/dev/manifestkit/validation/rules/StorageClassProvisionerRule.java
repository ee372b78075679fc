package dev.manifestkit.validation.rules;

import java.util.Locale;

import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;

/** A StorageClass names its provisioner, as a qualified name. */
final class StorageClassProvisionerRule extends BaseRule {

    private static final FieldPath PROVISIONER = FieldPath.root("provisioner");

    StorageClassProvisionerRule() {
        super("api/storage-class-provisioner", Layer.API, Severity.ERROR,
                "A StorageClass names a provisioner that is a qualified name (such as ebs.csi.aws.com).");
    }

    @Override
    public void check(RuleContext context) {
        var tree = context.tree();
        if (!Nodes.kind(tree).equals("StorageClass")) {
            return;
        }
        var provisioner = Nodes.str(tree, "provisioner");
        if (provisioner == null) {
            return; // absent: the schema layer reports it
        }
        if (provisioner.isEmpty()) {
            context.report(PROVISIONER, ErrorType.REQUIRED, "");
            return;
        }
        for (var msg : Names.qualifiedName(provisioner.toLowerCase(Locale.ROOT))) {
            context.report(PROVISIONER, ErrorType.INVALID, Nodes.quote(provisioner), msg);
        }
    }
}
