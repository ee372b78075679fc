package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Annotations the API server reads on a pod (or pod template) and checks as it does fields
 * (ValidatePodSpecificAnnotations): the deletion cost a ReplicaSet scales down by, the
 * deprecated seccomp and AppArmor annotations, and the mirror-pod marker.
 */
final class PodAnnotationsRule extends BaseRule {

    private static final String DELETION_COST = "controller.kubernetes.io/pod-deletion-cost";
    private static final String MIRROR = "kubernetes.io/config.mirror";
    private static final String SECCOMP_POD = "seccomp.security.alpha.kubernetes.io/pod";
    private static final String SECCOMP_CONTAINER = "container.seccomp.security.alpha.kubernetes.io/";
    private static final String APPARMOR_CONTAINER = "container.apparmor.security.beta.kubernetes.io/";

    PodAnnotationsRule() {
        super("api/pod-annotations", Layer.API, Severity.ERROR,
                "Pod and pod template annotations the API server reads: " + DELETION_COST + " is a 32-bit "
                        + "integer; seccomp annotations name runtime/default, docker/default, unconfined or "
                        + "localhost/<relative path>; AppArmor annotations name a container of the pod and "
                        + "runtime/default, unconfined or localhost/<profile>; a mirror pod sets spec.nodeName.");
    }

    @Override
    public void check(RuleContext context) {
        var pod = PodSpecs.of(context);
        if (pod == null) {
            return;
        }
        var annotations = Nodes.obj(pod.metadata(), "annotations");
        if (annotations == null || annotations.isEmpty()) {
            return;
        }
        var path = pod.metadataPath().child("annotations");
        for (var entry : annotations.properties()) {
            if (!entry.getValue().isString()) {
                continue; // the schema's finding
            }
            var key = entry.getKey();
            var value = entry.getValue().asString();
            if (key.equals(DELETION_COST) && !isInt32(value)) {
                context.report(path.key(key), ErrorType.INVALID, Nodes.quote(value), "must be a 32bit integer");
            } else if (key.equals(MIRROR) && isEmpty(Nodes.get(pod.spec(), "nodeName"))) {
                context.report(path.key(key), ErrorType.INVALID, Nodes.quote(value),
                        "must set spec.nodeName if mirror pod annotation is set");
            } else if (key.equals(SECCOMP_POD) || key.startsWith(SECCOMP_CONTAINER)) {
                seccomp(context, value, path.key(key));
            } else if (key.startsWith(APPARMOR_CONTAINER)) {
                var container = key.substring(APPARMOR_CONTAINER.length());
                if (!hasContainer(pod.spec(), container)) {
                    context.report(path.key(key), ErrorType.INVALID, Nodes.quote(container), "container not found");
                }
                if (!value.isEmpty() && !value.equals("runtime/default") && !value.equals("unconfined")
                        && !value.startsWith("localhost/")) {
                    context.report(path.key(key), ErrorType.INVALID, Nodes.quote(value),
                            "invalid AppArmor profile name: " + Nodes.quote(value));
                }
            }
        }
    }

    /** The server's ValidateSeccompProfile. */
    private static void seccomp(RuleContext context, String value, FieldPath path) {
        if (value.equals("runtime/default") || value.equals("docker/default") || value.equals("unconfined")) {
            return;
        }
        if (!value.startsWith("localhost/")) {
            context.report(path, ErrorType.INVALID, Nodes.quote(value), "must be a valid seccomp profile");
            return;
        }
        var file = value.substring("localhost/".length());
        if (file.startsWith("/")) {
            context.report(path, ErrorType.INVALID, Nodes.quote(file), "must be a relative path");
        }
        if (VolumePathsRule.hasBacksteps(file)) {
            context.report(path, ErrorType.INVALID, Nodes.quote(file), "must not contain '..'");
        }
    }

    /**
     * Go's parse of the deletion cost: an optional '-', digits without a leading zero (or "0"),
     * within int32; no '+'.
     */
    static boolean isInt32(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        if (!(first == '-' || first >= '1' && first <= '9' || value.equals("0"))) {
            return false;
        }
        long magnitude = 0;
        for (int i = first == '-' ? 1 : 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            magnitude = magnitude * 10 + (c - '0');
            if (magnitude > 1L + Integer.MAX_VALUE) {
                return false;
            }
        }
        boolean digits = value.length() > (first == '-' ? 1 : 0);
        return digits && magnitude <= (first == '-' ? 1L + Integer.MAX_VALUE : Integer.MAX_VALUE);
    }

    private static boolean hasContainer(ObjectNode spec, String name) {
        for (var field : new String[] {"initContainers", "containers"}) {
            var list = Nodes.arr(spec, field);
            if (list != null) {
                for (var container : list) {
                    if (name.equals(Nodes.str(container, "name"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean isEmpty(JsonNode value) {
        return value == null || value.isNull() || value.isString() && value.asString().isEmpty();
    }
}
