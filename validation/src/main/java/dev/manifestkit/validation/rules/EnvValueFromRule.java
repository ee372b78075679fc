package dev.manifestkit.validation.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.manifestkit.core.syntax.DownwardApi;
import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.node.ObjectNode;

/**
 * An env var has either a value or a valueFrom with exactly one source, each source complete;
 * an envFrom entry names exactly one ConfigMap or Secret.
 */
final class EnvValueFromRule extends BaseRule {

    private static final String[] SOURCES = {"fieldRef", "resourceFieldRef", "configMapKeyRef", "secretKeyRef",
        "fileKeyRef"};
    private static final String[] CPU_DIVISORS = {"1m", "1"};
    private static final String[] BYTE_DIVISORS = {"1", "1k", "1M", "1G", "1T", "1P", "1E", "1Ki", "1Mi", "1Gi",
        "1Ti", "1Pi", "1Ei"};
    private static final String BYTE_DIVISORS_TEXT = "only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, "
            + "1Ti, 1Pi, 1Ei are supported with the ";

    EnvValueFromRule() {
        super("api/env-value-from", Layer.API, Severity.ERROR,
                "An env var has a value or a valueFrom with exactly one source (fieldRef, resourceFieldRef, "
                        + "configMapKeyRef, secretKeyRef, from 1.35 fileKeyRef) naming its object and key, a fieldPath "
                        + "an env var may read, a container resource with a divisor it supports (cpu: 1m or 1; memory, "
                        + "ephemeral-storage, hugepages: 1, 1k … 1E, 1Ki … 1Ei), a file key (an env var name) read "
                        + "from a relative path without '..' in one of the pod's emptyDir volumes; an envFrom entry "
                        + "has exactly one of configMapRef or secretRef.");
    }

    @Override
    public void check(RuleContext context) {
        var volumes = volumes(PodSpecs.of(context));
        PodSpecs.forEachContainer(context, (container, path, init) -> {
            Nodes.forEachObject(container, "env", path, (env, envPath, i) -> checkEnv(context, env, envPath, volumes));
            Nodes.forEachObject(container, "envFrom", path, (envFrom, envFromPath, i) -> {
                int count = (Nodes.has(envFrom, "configMapRef") ? 1 : 0) + (Nodes.has(envFrom, "secretRef") ? 1 : 0);
                if (count == 0) {
                    context.report(envFromPath, ErrorType.INVALID, "\"\"",
                            "must specify one of: `configMapRef` or `secretRef`");
                } else if (count > 1) {
                    context.report(envFromPath, ErrorType.INVALID, "\"\"",
                            "may not have more than one field specified at a time");
                }
                for (var ref : new String[] {"configMapRef", "secretRef"}) {
                    var source = Nodes.obj(envFrom, ref);
                    var name = Nodes.str(source, "name");
                    if (source != null && isBlank(name)) {
                        context.report(envFromPath.child(ref, "name"), ErrorType.REQUIRED, "");
                    } else if (name != null) {
                        // checked as a name prefix, so a trailing '-' passes
                        for (var msg : Names.dns1123Subdomain(Nodes.maskTrailingDash(name))) {
                            context.report(envFromPath.child(ref, "name"), ErrorType.INVALID, Nodes.quote(name), msg);
                        }
                    }
                }
            });
        });
    }

    /** The pod's volumes by name, last one winning as in the API server's map; empty without a pod. */
    private static Map<String, ObjectNode> volumes(PodSpecs.PodSpec pod) {
        var byName = new HashMap<String, ObjectNode>();
        if (pod != null) {
            Nodes.forEachObject(pod.spec(), "volumes", pod.path(), (volume, path, i) -> {
                var name = Nodes.str(volume, "name");
                if (name != null) {
                    byName.put(name, volume);
                }
            });
        }
        return byName;
    }

    private static void checkEnv(RuleContext context, ObjectNode env, FieldPath envPath,
                                 Map<String, ObjectNode> volumes) {
        var valueFrom = Nodes.obj(env, "valueFrom");
        if (valueFrom == null) {
            return;
        }
        var fromPath = envPath.child("valueFrom");
        var value = Nodes.str(env, "value");
        int count = 0;
        for (var source : SOURCES) {
            if (Nodes.has(valueFrom, source)) {
                count++;
            }
        }
        if (count == 0) {
            context.report(fromPath, ErrorType.INVALID, "\"\"", context.version().atLeast(1, 35)
                    ? "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef`, `secretKeyRef` or `fileKeyRef`"
                    : "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`");
        } else if (value != null && !value.isEmpty()) {
            context.report(fromPath, ErrorType.INVALID, "\"\"", "may not be specified when `value` is not empty");
        } else if (count > 1) {
            context.report(fromPath, ErrorType.INVALID, "\"\"", "may not have more than one field specified at a time");
        }
        for (var ref : new String[] {"configMapKeyRef", "secretKeyRef"}) {
            var selector = Nodes.obj(valueFrom, ref);
            if (selector == null) {
                continue;
            }
            // absent or empty, the name is Invalid, not Required: the API server checks it as a name
            var name = Nodes.has(selector, "name") ? Nodes.str(selector, "name") : "";
            if (name != null) {
                for (var msg : Names.dns1123Subdomain(name)) {
                    context.report(fromPath.child(ref, "name"), ErrorType.INVALID, Nodes.quote(name), msg);
                }
            }
            var key = Nodes.str(selector, "key");
            if ("".equals(key)) {
                context.report(fromPath.child(ref, "key"), ErrorType.REQUIRED, "");
            } else if (key != null) {
                for (var msg : Names.configMapKey(key)) {
                    context.report(fromPath.child(ref, "key"), ErrorType.INVALID, Nodes.quote(key), msg);
                }
            }
        }
        var fieldRef = Nodes.obj(valueFrom, "fieldRef");
        var fieldPath = Nodes.str(fieldRef, "fieldPath");
        if (fieldRef != null && !fieldRefVersion(context, fieldRef, fromPath.child("fieldRef"))) {
            fieldPath = null; // not converted, not checked further
        }
        if ("".equals(fieldPath)) {
            context.report(fromPath.child("fieldRef", "fieldPath"), ErrorType.REQUIRED, "");
        } else if (fieldPath != null) {
            checkFieldPath(context, fieldPath, fromPath.child("fieldRef", "fieldPath"), DownwardApi.ENV_FIELD_PATHS);
        }
        var resourceFieldRef = Nodes.obj(valueFrom, "resourceFieldRef");
        if (resourceFieldRef != null) {
            checkResource(context, resourceFieldRef, fromPath.child("resourceFieldRef"));
            checkDivisor(context, resourceFieldRef, fromPath.child("resourceFieldRef"));
        }
        var fileKeyRef = Nodes.obj(valueFrom, "fileKeyRef");
        if (fileKeyRef != null && context.version().atLeast(1, 35)) {
            checkFileKeyRef(context, fileKeyRef, fromPath.child("fileKeyRef"), volumes);
        }
    }

    /**
     * A {@code fileKeyRef} (EnvFiles, on by default from 1.35; before, the API server drops it):
     * {@code validateFileKeySelector} wants a key that is an env var name, a volume name that is a
     * DNS label and a path without {@code ..}; {@code validateFileKeyRefVolumes} wants that volume
     * in the pod, and an emptyDir.
     */
    private static void checkFileKeyRef(RuleContext context, ObjectNode fileKeyRef, FieldPath path,
                                        Map<String, ObjectNode> volumes) {
        var key = Nodes.str(fileKeyRef, "key");
        if ("".equals(key)) {
            context.report(path.child("key"), ErrorType.REQUIRED, "");
        } else if (key != null) {
            for (var msg : Names.envVarName(key, true)) {
                context.report(path.child("key"), ErrorType.INVALID, Nodes.quote(key), msg);
            }
        }
        var volumeName = Nodes.str(fileKeyRef, "volumeName");
        if ("".equals(volumeName)) {
            context.report(path.child("volumeName"), ErrorType.REQUIRED, "");
        } else if (volumeName != null) {
            for (var msg : Names.dns1123Label(volumeName)) {
                context.report(path.child("volumeName"), ErrorType.INVALID, Nodes.quote(volumeName), msg);
            }
        }
        var filePath = Nodes.str(fileKeyRef, "path");
        if ("".equals(filePath)) {
            context.report(path.child("path"), ErrorType.REQUIRED, "");
        } else if (filePath != null && VolumePathsRule.hasBacksteps(filePath)) {
            context.report(path.child("path"), ErrorType.INVALID, Nodes.quote(filePath), "must not contain '..'");
        }
        if (volumeName != null) {
            var volume = volumes.get(volumeName);
            if (volume == null) {
                context.report(path.child("volumeName"), ErrorType.NOT_FOUND, Nodes.quote(volumeName), "");
            } else if (!Nodes.has(volume, "emptyDir")) {
                context.report(path.child("volumeName"), ErrorType.INVALID, Nodes.quote(volumeName),
                        "referenced volume must be of type emptyDir");
            }
        }
    }

    /**
     * A field selector's apiVersion, defaulted to v1 when empty: the only version the downward
     * API converts. False (reported) for any other.
     */
    static boolean fieldRefVersion(RuleContext context, ObjectNode fieldRef, FieldPath path) {
        var version = Nodes.str(fieldRef, "apiVersion");
        if (version == null || version.isEmpty() || version.equals("v1")) {
            return true;
        }
        var fieldPath = Nodes.str(fieldRef, "fieldPath");
        context.report(path.child("fieldPath"), ErrorType.INVALID, Nodes.quote(fieldPath == null ? "" : fieldPath),
                "error converting fieldPath: unsupported pod version: " + version);
        return false;
    }

    /** A container resource the downward API hands out ({@code resourceFieldRef.resource}). */
    static void checkResource(RuleContext context, ObjectNode resourceFieldRef, FieldPath path) {
        var resource = Nodes.str(resourceFieldRef, "resource");
        if ("".equals(resource)) {
            context.report(path.child("resource"), ErrorType.REQUIRED, "");
        } else if (resource != null && !DownwardApi.isContainerResource(resource)) {
            context.report(path.child("resource"), ErrorType.NOT_SUPPORTED, Nodes.quote(resource),
                    Nodes.supported(DownwardApi.CONTAINER_RESOURCES.toArray(String[]::new)));
        }
    }

    /**
     * The divisor of a container resource the downward API hands out ({@code
     * validateContainerResourceDivisor}): unset or zero means 1; otherwise, as the API server spells
     * it ({@code 1000m} is {@code 1}), cpu takes 1m or 1 and memory, ephemeral storage and
     * hugepages a power of 1000 or 1024 (1, 1k … 1E, 1Ki … 1Ei).
     */
    static void checkDivisor(RuleContext context, ObjectNode resourceFieldRef, FieldPath path) {
        var divisor = Nodes.get(resourceFieldRef, "divisor");
        if (divisor == null || divisor.isNull()) {
            return;
        }
        var spelled = Quantities.canonical(divisor);
        var resource = Nodes.str(resourceFieldRef, "resource");
        if (spelled == null || spelled.equals("0") || resource == null) {
            return; // a malformed quantity is refused before validation
        }
        String problem = switch (resource) {
            case "limits.cpu", "requests.cpu" -> Nodes.oneOf(spelled, CPU_DIVISORS) ? null
                    : "only divisor's values 1m and 1 are supported with the cpu resource";
            case "limits.memory", "requests.memory" -> Nodes.oneOf(spelled, BYTE_DIVISORS) ? null
                    : BYTE_DIVISORS_TEXT + "memory resource";
            case "limits.ephemeral-storage", "requests.ephemeral-storage" -> Nodes.oneOf(spelled, BYTE_DIVISORS) ? null
                    : BYTE_DIVISORS_TEXT + "local ephemeral storage resource";
            default -> (resource.startsWith("requests.hugepages-") || resource.startsWith("limits.hugepages-"))
                    && !Nodes.oneOf(spelled, BYTE_DIVISORS) ? BYTE_DIVISORS_TEXT + "hugepages resource" : null;
        };
        if (problem != null) {
            context.report(path.child("divisor"), ErrorType.INVALID, Nodes.quote(resource), problem);
        }
    }

    /**
     * A pod field the downward API hands out: one of {@code allowed}, or one label or annotation
     * by key ({@code metadata.labels['app']}).
     */
    static void checkFieldPath(RuleContext context, String fieldPath, FieldPath path, List<String> allowed) {
        if (allowed.contains(fieldPath)) {
            return;
        }
        var keyProblems = DownwardApi.subscriptKeyProblems(fieldPath);
        if (keyProblems != null) {
            for (var msg : keyProblems) {
                context.report(path, ErrorType.INVALID, Nodes.quote(fieldPath), msg);
            }
        } else if (DownwardApi.FIELD_LABELS.contains(fieldPath)) {
            context.report(path, ErrorType.NOT_SUPPORTED, Nodes.quote(fieldPath),
                    Nodes.supported(allowed.toArray(String[]::new)));
        } else {
            context.report(path, ErrorType.INVALID, Nodes.quote(fieldPath),
                    "error converting fieldPath: field label not supported: " + fieldPath);
        }
    }


    private static boolean isBlank(String s) {
        return s == null || s.isEmpty();
    }
}
