package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.RuleContext;

/** hostPath volumes tie a pod to one node's file system and expose it to the pod. */
final class HostPathRule extends LintRule {

    HostPathRule() {
        super("host-path", false, "Pods do not mount hostPath volumes.");
    }

    @Override
    void lint(RuleContext context) {
        var pod = PodSpecs.of(context);
        if (pod == null) {
            return;
        }
        Nodes.forEachObject(pod.spec(), "volumes", pod.path(), (volume, path, i) -> {
            var hostPath = Nodes.obj(volume, "hostPath");
            if (hostPath != null) {
                var value = Nodes.str(hostPath, "path");
                context.report(path.child("hostPath"), ErrorType.ADVICE, value == null ? null : Nodes.quote(value),
                        "a hostPath volume exposes the node's file system and ties the pod to one node; use a "
                                + "PersistentVolumeClaim, emptyDir, configMap or secret volume");
            }
        });
    }
}
