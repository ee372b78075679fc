package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Annotations the API server reads on a pod (or pod template) and checks as it does fields
 * (ValidatePodSpecificAnnotations): the deletion cost a ReplicaSet scales down by, the
 * deprecated seccomp and AppArmor annotations, the mirror-pod marker, and the tolerations of the
 * old alpha annotation, which the server still decodes (Go's encoding/json into a list of
 * tolerations) and checks like spec.tolerations. On a Pod (not a template: ValidatePodCreate) a
 * seccomp or AppArmor annotation that stands beside the field it predates says the same as the
 * field.
 */
final class PodAnnotationsRule extends BaseRule {

    private static final String DELETION_COST = "controller.kubernetes.io/pod-deletion-cost";
    private static final String MIRROR = "kubernetes.io/config.mirror";
    private static final String SECCOMP_POD = "seccomp.security.alpha.kubernetes.io/pod";
    private static final String SECCOMP_CONTAINER = "container.seccomp.security.alpha.kubernetes.io/";
    private static final String APPARMOR_CONTAINER = "container.apparmor.security.beta.kubernetes.io/";
    private static final String TOLERATIONS = "scheduler.alpha.kubernetes.io/tolerations";
    private static final String[] TOLERATION_STRINGS = {"key", "operator", "value", "effect"};
    private static final String TOLERATION_SECONDS = "tolerationSeconds";
    // numbers keep their written value (1e400 is not Infinity), as Go's decoder reports them
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();

    PodAnnotationsRule() {
        super("api/pod-annotations", Layer.API, Severity.ERROR,
                "Pod and pod template annotations the API server reads: " + DELETION_COST + " is a 32-bit "
                        + "integer; seccomp annotations name runtime/default, docker/default, unconfined or "
                        + "localhost/<relative path>; AppArmor annotations name a container of the pod and "
                        + "runtime/default, unconfined or localhost/<profile>; a mirror pod sets spec.nodeName; "
                        + TOLERATIONS + " is a JSON list of valid tolerations; on a Pod, a seccomp or AppArmor "
                        + "annotation agrees with the seccompProfile or appArmorProfile field beside it.");
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
            } else if (key.equals(TOLERATIONS) && !value.isEmpty()) {
                tolerations(context, value, path);
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

    /**
     * The server's ValidateTolerationsInPodAnnotations: the annotation decoded as Go's
     * encoding/json decodes it into {@code []core.Toleration} (field names matched without regard
     * to case, unknown fields ignored, a null element a toleration with every field empty); a
     * value that does not decode is reported on the annotations with the key as the bad value.
     */
    private static void tolerations(RuleContext context, String value, FieldPath annotationsPath) {
        JsonNode parsed;
        try {
            parsed = JSON.readTree(value);
        } catch (JacksonException e) {
            context.report(annotationsPath, ErrorType.INVALID, Nodes.quote(TOLERATIONS),
                    "invalid JSON: " + e.getOriginalMessage());
            return;
        }
        if (parsed == null || parsed.isMissingNode()) {
            context.report(annotationsPath, ErrorType.INVALID, Nodes.quote(TOLERATIONS), "unexpected end of JSON input");
            return;
        }
        if (parsed.isNull()) {
            return;
        }
        if (!parsed.isArray()) {
            context.report(annotationsPath, ErrorType.INVALID, Nodes.quote(TOLERATIONS),
                    "json: cannot unmarshal " + jsonType(parsed) + " into Go value of type []core.Toleration");
            return;
        }
        var decoded = JsonNodeFactory.instance.arrayNode(parsed.size());
        for (var element : parsed) {
            var toleration = JsonNodeFactory.instance.objectNode();
            if (element instanceof ObjectNode fields) {
                var problem = decode(fields, toleration);
                if (problem != null) {
                    context.report(annotationsPath, ErrorType.INVALID, Nodes.quote(TOLERATIONS), problem);
                    return;
                }
            } else if (!element.isNull()) {
                context.report(annotationsPath, ErrorType.INVALID, Nodes.quote(TOLERATIONS),
                        "json: cannot unmarshal " + jsonType(element) + " into Go value of type core.Toleration");
                return;
            }
            decoded.add(toleration);
        }
        var holder = JsonNodeFactory.instance.objectNode();
        holder.set(TOLERATIONS, decoded);
        SchedulingRule.tolerations(context, holder, TOLERATIONS, annotationsPath);
    }

    /** Copies a toleration's known fields under their own names; the decoding error, or null. */
    private static String decode(ObjectNode fields, ObjectNode into) {
        for (var entry : fields.properties()) {
            var name = entry.getKey();
            var field = entry.getValue();
            for (var known : TOLERATION_STRINGS) {
                if (known.equalsIgnoreCase(name)) {
                    if (field.isString()) {
                        into.set(known, field);
                    } else if (!field.isNull()) {
                        return "json: cannot unmarshal " + jsonType(field) + " into Go struct field Toleration." + known
                                + " of type string";
                    }
                }
            }
            if (TOLERATION_SECONDS.equalsIgnoreCase(name)) {
                if (Nodes.isInt(field)) {
                    into.set(TOLERATION_SECONDS, field);
                } else if (!field.isNull()) {
                    return "json: cannot unmarshal " + jsonType(field) + (field.isNumber() ? " " + field : "")
                            + " into Go struct field Toleration." + TOLERATION_SECONDS + " of type int64";
                }
            }
        }
        return null;
    }

    /** The JSON type as Go's decoding errors name it. */
    private static String jsonType(JsonNode value) {
        if (value.isString()) {
            return "string";
        }
        if (value.isNumber()) {
            return "number";
        }
        if (value.isBoolean()) {
            return "bool";
        }
        return value.isArray() ? "array" : "object";
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
        VolumePathsRule.localDescendingPath(context, value.substring("localhost/".length()), path);
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
