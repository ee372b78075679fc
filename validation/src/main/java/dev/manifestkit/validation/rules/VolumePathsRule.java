package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.node.ObjectNode;

/**
 * Host-side paths are absolute (hostPath, nfs, local) and mount subPaths are relative; none may
 * climb out with {@code ..}.
 */
final class VolumePathsRule extends BaseRule {

    VolumePathsRule() {
        super("api/volume-paths", Layer.API, Severity.ERROR,
                "hostPath, nfs and local volume paths are absolute, volumeMount subPaths are relative, and none "
                        + "contains '..'; an nfs server is not empty.");
    }

    @Override
    public void check(RuleContext context) {
        var tree = context.tree();
        if (Nodes.kind(tree).equals("PersistentVolume")) {
            var spec = Nodes.obj(tree, "spec");
            if (spec != null) {
                checkSources(context, spec, FieldPath.root("spec"));
                var local = Nodes.obj(spec, "local");
                if (local != null) {
                    absolute(context, local, FieldPath.root("spec").child("local"));
                }
            }
            return;
        }
        var pod = PodSpecs.of(tree);
        if (pod == null) {
            return;
        }
        Nodes.forEachObject(pod.spec(), "volumes", pod.path(), (volume, path, i) -> checkSources(context, volume, path));
        PodSpecs.forEachContainer(pod, (container, path, init) ->
                Nodes.forEachObject(container, "volumeMounts", path, (mount, mountPath, i) -> {
                    var subPath = Nodes.str(mount, "subPath");
                    if (subPath != null && !subPath.isEmpty()) {
                        if (subPath.startsWith("/")) {
                            context.report(mountPath.child("subPath"), ErrorType.INVALID, Nodes.quote(subPath),
                                    "must be a relative path");
                        }
                        backsteps(context, subPath, mountPath.child("subPath"));
                    }
                }));
    }

    private static void checkSources(RuleContext context, ObjectNode holder, FieldPath path) {
        var hostPath = Nodes.obj(holder, "hostPath");
        if (hostPath != null) {
            absolute(context, hostPath, path.child("hostPath"));
        }
        var nfs = Nodes.obj(holder, "nfs");
        if (nfs != null) {
            if ("".equals(Nodes.str(nfs, "server"))) {
                context.report(path.child("nfs", "server"), ErrorType.REQUIRED, "");
            }
            absolute(context, nfs, path.child("nfs"));
        }
    }

    private static void absolute(RuleContext context, ObjectNode source, FieldPath sourcePath) {
        var value = Nodes.str(source, "path");
        var path = sourcePath.child("path");
        if (value == null) {
            return; // absent: the schema layer reports it
        }
        if (value.isEmpty()) {
            context.report(path, ErrorType.REQUIRED, "");
            return;
        }
        if (!value.startsWith("/")) {
            context.report(path, ErrorType.INVALID, Nodes.quote(value), "must be an absolute path");
        }
        backsteps(context, value, path);
    }

    private static void backsteps(RuleContext context, String value, FieldPath path) {
        for (var part : value.split("/", -1)) {
            if (part.equals("..")) {
                context.report(path, ErrorType.INVALID, Nodes.quote(value), "must not contain '..'");
                return;
            }
        }
    }
}
