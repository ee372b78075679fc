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
 * deprecated seccomp and AppArmor annotations, and the mirror-pod marker. On a Pod (not a
 * template: ValidatePodCreate) a seccomp or AppArmor annotation that stands beside the field it
 * predates says the same as the field.
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
                        + "runtime/default, unconfined or localhost/<profile>; a mirror pod sets spec.nodeName; on a "
                        + "Pod, a seccomp or AppArmor annotation agrees with the seccompProfile or appArmorProfile "
                        + "field beside it.");
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
        boolean profiles = false;
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
                profiles = true;
                seccomp(context, value, path.key(key));
            } else if (key.startsWith(APPARMOR_CONTAINER)) {
                profiles = true;
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
        if (profiles && !pod.isTemplate()) {
            fieldsMatch(context, pod, annotations);
        }
    }

    /**
     * Where both a profile field and the annotation it replaced are given, they agree
     * (validateSeccompAnnotationsAndFields, validateAppArmorAnnotationsAndFieldsMatchOnCreate).
     * Where only one is, the server copies it to the other before validating, so they agree.
     */
    private static void fieldsMatch(RuleContext context, PodSpecs.PodSpec pod, ObjectNode annotations) {
        var podSecurity = Nodes.obj(pod.spec(), "securityContext");
        var podSeccomp = Nodes.obj(podSecurity, "seccompProfile");
        var podAnnotation = annotations.get(SECCOMP_POD);
        if (podSeccomp != null && podAnnotation != null && podAnnotation.isString()) {
            match(context, "seccomp", podAnnotation.asString(), podSeccomp,
                    pod.path().child("securityContext", "seccompProfile"));
        }
        // AppArmor is not checked for Windows pods; a container without its own profile runs
        // with the pod's
        boolean windows = "windows".equals(Nodes.str(Nodes.obj(pod.spec(), "os"), "name"));
        var podAppArmor = Nodes.obj(podSecurity, "appArmorProfile");
        PodSpecs.forEachContainer(context, (container, path, init) -> {
            var name = Nodes.str(container, "name");
            if (name == null) {
                return;
            }
            var security = Nodes.obj(container, "securityContext");
            var seccomp = Nodes.obj(security, "seccompProfile");
            var annotation = annotations.get(SECCOMP_CONTAINER + name);
            if (seccomp != null && annotation != null && annotation.isString()) {
                match(context, "seccomp", annotation.asString(), seccomp, path.child("securityContext", "seccompProfile"));
            }
            annotation = annotations.get(APPARMOR_CONTAINER + name);
            if (windows || annotation == null || !annotation.isString()) {
                return;
            }
            var appArmor = Nodes.obj(security, "appArmorProfile");
            // without its own field, the container takes the annotation's profile when that is a
            // valid one; only when it is not does the pod's profile stand against the annotation
            if (appArmor == null && !convertsToProfile(annotation.asString())) {
                appArmor = podAppArmor;
            }
            if (appArmor != null) {
                match(context, "apparmor", annotation.asString(), appArmor, path.child("securityContext", "appArmorProfile"));
            }
        });
    }

    /** validateSeccompAnnotationsAndFieldsMatch and its AppArmor twin. */
    private static void match(RuleContext context, String kind, String annotation, ObjectNode profile, FieldPath path) {
        var type = Nodes.str(profile, "type");
        if (type == null) {
            return;
        }
        boolean matches;
        switch (type) {
            case "Unconfined" -> matches = annotation.equals("unconfined");
            case "RuntimeDefault" -> matches = annotation.equals("runtime/default")
                    || kind.equals("seccomp") && annotation.equals("docker/default");
            case "Localhost" -> {
                if (!annotation.startsWith("localhost/")) {
                    matches = false;
                } else {
                    if (!annotation.substring("localhost/".length()).equals(Nodes.str(profile, "localhostProfile"))) {
                        context.report(path.child("localhostProfile"), ErrorType.FORBIDDEN,
                                kind + " profile in annotation and field must match");
                    }
                    return;
                }
            }
            default -> matches = true;
        }
        if (!matches) {
            context.report(path.child("type"), ErrorType.FORBIDDEN, kind + " type in annotation and field must match");
        }
    }

    /** True if the server turns this AppArmor annotation into a valid appArmorProfile field. */
    private static boolean convertsToProfile(String annotation) {
        if (annotation.equals("unconfined") || annotation.equals("runtime/default")) {
            return true;
        }
        if (!annotation.startsWith("localhost/")) {
            return false;
        }
        var profile = annotation.substring("localhost/".length());
        return !profile.isEmpty() && profile.strip().equals(profile) && profile.length() <= 4095;
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
