package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.RuleContext;

/**
 * Replicas of one Deployment share its volumes. A ReadWriteOnce claim attaches to one node, so
 * replicas scheduled elsewhere hang in ContainerCreating ("Multi-Attach error"); a
 * ReadWriteOncePod claim admits one pod at all. A StatefulSet's volumeClaimTemplates give each
 * replica its own claim instead.
 */
final class SharedClaimRule extends LintRule {

    SharedClaimRule() {
        super("shared-claim", false, "A Deployment or ReplicaSet with more than one replica mounts no ReadWriteOnce or "
                + "ReadWriteOncePod claim of the set (use a StatefulSet's volumeClaimTemplates, or ReadWriteMany).");
    }

    @Override
    void lint(RuleContext context) {
        var tree = context.tree();
        var kind = Nodes.kind(tree);
        if (!kind.equals("Deployment") && !kind.equals("ReplicaSet")) {
            return;
        }
        var replicas = Nodes.get(Nodes.obj(tree, "spec"), "replicas");
        var pod = PodSpecs.of(context);
        if (!Nodes.isInt(replicas) || replicas.longValue() < 2 || pod == null) {
            return;
        }
        Nodes.forEachObject(pod.spec(), "volumes", pod.path(), (volume, path, i) -> {
            var name = Nodes.str(Nodes.obj(volume, "persistentVolumeClaim"), "claimName");
            var claim = name == null ? null : References.find(context, "PersistentVolumeClaim", name);
            var modes = Nodes.arr(Nodes.obj(claim, "spec"), "accessModes");
            if (modes == null) {
                return;
            }
            boolean shared = false;
            String single = null;
            for (var mode : modes) {
                String text = mode.asString();
                shared |= text.equals("ReadWriteMany") || text.equals("ReadOnlyMany");
                if (text.equals("ReadWriteOnce") || text.equals("ReadWriteOncePod")) {
                    single = text;
                }
            }
            if (single != null && !shared) {
                context.report(path.child("persistentVolumeClaim", "claimName"), ErrorType.ADVICE, Nodes.quote(name),
                        replicas.longValue() + " replicas share a " + single + " claim: "
                                + (single.equals("ReadWriteOncePod") ? "only one pod can use it"
                                : "replicas on other nodes cannot attach it")
                                + "; use a StatefulSet with volumeClaimTemplates, or a ReadWriteMany claim");
            }
        });
    }
}
