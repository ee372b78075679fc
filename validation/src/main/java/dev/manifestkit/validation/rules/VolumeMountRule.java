package dev.manifestkit.validation.rules;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every volume mount names a volume the pod declares and has a mount path, and no two mounts of
 * one container share a mount path. Raw block devices ({@code volumeDevices}) follow the same
 * rules, come only from claims, and share neither a volume nor a path with the mounts.
 */
final class VolumeMountRule extends BaseRule {

    VolumeMountRule() {
        super("api/volume-mount", Layer.API, Severity.ERROR,
                "Every volumeMount names a volume declared in the pod's volumes (or a StatefulSet claim template) and "
                        + "has a mountPath, unique within its container; recursiveReadOnly only on readOnly mounts without "
                        + "propagation; Bidirectional mount propagation only in a "
                        + "privileged container; volumeDevices name claim or ephemeral volumes, with a unique "
                        + "devicePath, and neither volume nor path is also mounted.");
    }

    @Override
    public void check(RuleContext context) {
        var pod = PodSpecs.of(context);
        if (pod == null) {
            return;
        }
        // each declared volume, and whether a claim backs it (only those can be block devices)
        var declared = new HashMap<String, Boolean>();
        var volumes = Nodes.arr(pod.spec(), "volumes");
        if (volumes != null) {
            for (var volume : volumes) {
                var name = Nodes.str(volume, "name");
                if (name != null) {
                    declared.put(name, Nodes.obj(volume, "persistentVolumeClaim") != null
                            || Nodes.obj(volume, "ephemeral") != null);
                }
            }
        }
        // a StatefulSet's pods also get one volume per claim template, named after it
        var templates = Nodes.arr(Nodes.obj(context.tree(), "spec"), "volumeClaimTemplates");
        if (templates != null && pod.kind().equals("StatefulSet")) {
            for (var template : templates) {
                var name = Nodes.str(Nodes.obj(template, "metadata"), "name");
                if (name != null) {
                    declared.put(name, true);
                }
            }
        }
        PodSpecs.forEachContainer(context, (container, path, init) -> {
            var devices = checkDevices(context, container, path, declared);
            var mountPaths = new HashSet<String>();
            Nodes.forEachObject(container, "volumeMounts", path, (mount, mountPath, i) -> {
                var name = Nodes.str(mount, "name");
                if ("".equals(name)) {
                    context.report(mountPath.child("name"), ErrorType.REQUIRED, "");
                } else if (name != null && !declared.containsKey(name)) {
                    context.report(mountPath.child("name"), ErrorType.NOT_FOUND, Nodes.quote(name), "");
                }
                if (name != null && devices.containsKey(name)) {
                    context.report(mountPath.child("name"), ErrorType.INVALID, Nodes.quote(name),
                            "must not already exist in volumeDevices");
                }
                var target = Nodes.str(mount, "mountPath");
                if ("".equals(target)) {
                    context.report(mountPath.child("mountPath"), ErrorType.REQUIRED, "");
                } else if (target != null && !mountPaths.add(target)) {
                    context.report(mountPath.child("mountPath"), ErrorType.INVALID, Nodes.quote(target),
                            "must be unique");
                }
                if (target != null && devices.containsValue(target)) {
                    context.report(mountPath.child("mountPath"), ErrorType.INVALID, Nodes.quote(target),
                            "must not already exist as a path in volumeDevices");
                }
                recursiveReadOnly(context, mount, mountPath);
                if ("Bidirectional".equals(Nodes.str(mount, "mountPropagation"))
                        && !Nodes.isTrue(Nodes.obj(container, "securityContext"), "privileged")) {
                    context.report(mountPath.child("mountPropagation"), ErrorType.FORBIDDEN,
                            "Bidirectional mount propagation is available only to privileged containers");
                }
            });
        });
    }

    /** A recursively read-only mount is read-only itself and propagates no mounts. */
    private static void recursiveReadOnly(RuleContext context, ObjectNode mount, FieldPath mountPath) {
        var mode = Nodes.str(mount, "recursiveReadOnly");
        if (mode == null || mode.equals("Disabled")) {
            return;
        }
        var path = mountPath.child("recursiveReadOnly");
        if (!mode.equals("Enabled") && !mode.equals("IfPossible")) {
            context.report(path, ErrorType.NOT_SUPPORTED, Nodes.quote(mode),
                    Nodes.supported("Disabled", "Enabled", "IfPossible"));
            return;
        }
        if (!Nodes.isTrue(mount, "readOnly")) {
            context.report(path, ErrorType.FORBIDDEN, "may only be specified when readOnly is true");
        }
        var propagation = Nodes.str(mount, "mountPropagation");
        if (propagation != null && !propagation.equals("None")) {
            context.report(path, ErrorType.FORBIDDEN, "may only be specified when mountPropagation is None or not specified");
        }
    }

    /**
     * Checks a container's {@code volumeDevices} as the API server's ValidateVolumeDevices does,
     * and returns their names and device paths for the mount checks.
     */
    private static Map<String, String> checkDevices(RuleContext context, JsonNode container, FieldPath path,
            Map<String, Boolean> declared) {
        if (Nodes.arr(container, "volumeDevices") == null) {
            return Map.of();
        }
        var devices = new HashMap<String, String>();
        var devicePaths = new HashSet<String>();
        Nodes.forEachObject(container, "volumeDevices", path, (device, devicePath, i) -> {
            var name = Nodes.str(device, "name");
            var target = Nodes.str(device, "devicePath");
            if (name != null) {
                if (name.isEmpty()) {
                    context.report(devicePath.child("name"), ErrorType.REQUIRED, "");
                }
                if (devices.containsKey(name)) {
                    context.report(devicePath.child("name"), ErrorType.INVALID, Nodes.quote(name), "must be unique");
                }
                var claimBacked = declared.get(name);
                if (claimBacked == null) {
                    context.report(devicePath.child("name"), ErrorType.NOT_FOUND, Nodes.quote(name), "");
                } else if (!claimBacked) {
                    context.report(devicePath.child("name"), ErrorType.INVALID, Nodes.quote(name),
                            "can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode");
                }
            }
            if (target != null) {
                if (target.isEmpty()) {
                    context.report(devicePath.child("devicePath"), ErrorType.REQUIRED, "");
                }
                if (devicePaths.contains(target)) {
                    context.report(devicePath.child("devicePath"), ErrorType.INVALID, Nodes.quote(target),
                            "must be unique");
                }
                if (VolumePathsRule.hasBacksteps(target)) {
                    context.report(devicePath.child("devicePath"), ErrorType.INVALID, Nodes.quote(target),
                            "can not contain backsteps ('..')");
                } else {
                    devicePaths.add(target);
                }
            }
            if (name != null) {
                devices.put(name, target == null ? "" : target);
            }
        });
        return devices;
    }
}
