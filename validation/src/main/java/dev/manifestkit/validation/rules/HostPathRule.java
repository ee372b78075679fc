package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.RuleContext;

/**
 * hostPath volumes tie a pod to one node's file system and expose it to the pod. DaemonSets are
 * exempt: a node agent (a CNI or CSI plugin, a log shipper, a metrics exporter) runs on every node
 * precisely to reach that node's files, and no other volume type would do.
 */
final class HostPathRule extends LintRule {

    HostPathRule() {
        super("host-path", false, "Pods do not mount hostPath volumes; DaemonSets, whose node agents are there to reach "
                + "their node's files, are exempt.");
    }

    @Override
    void lint(RuleContext context) {
        var pod = PodSpecs.of(context);
        if (pod == null || Nodes.kind(context.tree()).equals("DaemonSet")) {
            return;
        }
        Nodes.forEachObject(pod.spec(), "volumes", pod.path(), (volume, path, i) -> {
            var hostPath = Nodes.obj(volume, "hostPath");
            if (hostPath != null) {
                var value = Nodes.str(hostPath, "path");
                context.report(path.child("hostPath"), ErrorType.ADVICE, value == null ? null : Nodes.quote(value),
                        "a hostPath volume exposes the node's file system and ties the pod to one node; use a "
                                + "PersistentVolumeClaim, emptyDir, configMap or secret volume (or a DaemonSet, for a "
                                + "node agent)");
            }
        });
    }
}
