package dev.manifestkit.validation.rules;

import java.util.HashSet;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;

/**
 * Every volume mount names a volume the pod declares and has a mount path, and no two mounts of
 * one container share a mount path.
 */
final class VolumeMountRule extends BaseRule {

    VolumeMountRule() {
        super("api/volume-mount", Layer.API, Severity.ERROR,
                "Every volumeMount names a volume declared in the pod's volumes (or a StatefulSet claim template) and "
                        + "has a mountPath, unique within its container; Bidirectional mount propagation only in a "
                        + "privileged container.");
    }

    @Override
    public void check(RuleContext context) {
        var pod = PodSpecs.of(context);
        if (pod == null) {
            return;
        }
        var declared = new HashSet<String>();
        var volumes = Nodes.arr(pod.spec(), "volumes");
        if (volumes != null) {
            for (var volume : volumes) {
                var name = Nodes.str(volume, "name");
                if (name != null) {
                    declared.add(name);
                }
            }
        }
        // a StatefulSet's pods also get one volume per claim template, named after it
        var templates = Nodes.arr(Nodes.obj(context.tree(), "spec"), "volumeClaimTemplates");
        if (templates != null && pod.kind().equals("StatefulSet")) {
            for (var template : templates) {
                var name = Nodes.str(Nodes.obj(template, "metadata"), "name");
                if (name != null) {
                    declared.add(name);
                }
            }
        }
        PodSpecs.forEachContainer(context, (container, path, init) -> {
            var mountPaths = new HashSet<String>();
            Nodes.forEachObject(container, "volumeMounts", path, (mount, mountPath, i) -> {
                var name = Nodes.str(mount, "name");
                if ("".equals(name)) {
                    context.report(mountPath.child("name"), ErrorType.REQUIRED, "");
                } else if (name != null && !declared.contains(name)) {
                    context.report(mountPath.child("name"), ErrorType.NOT_FOUND, Nodes.quote(name), "");
                }
                var target = Nodes.str(mount, "mountPath");
                if ("".equals(target)) {
                    context.report(mountPath.child("mountPath"), ErrorType.REQUIRED, "");
                } else if (target != null && !mountPaths.add(target)) {
                    context.report(mountPath.child("mountPath"), ErrorType.INVALID, Nodes.quote(target),
                            "must be unique");
                }
                if ("Bidirectional".equals(Nodes.str(mount, "mountPropagation"))
                        && !Nodes.isTrue(Nodes.obj(container, "securityContext"), "privileged")) {
                    context.report(mountPath.child("mountPropagation"), ErrorType.FORBIDDEN,
                            "Bidirectional mount propagation is available only to privileged containers");
                }
            });
        });
    }
}
