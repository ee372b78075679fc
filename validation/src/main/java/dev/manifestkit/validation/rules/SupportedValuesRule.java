package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.JsonNode;

/**
 * The enumerations the official definitions leave as free strings, with the values the API
 * server supports listed in the message. Secret {@code type} is free-form and not checked.
 */
final class SupportedValuesRule extends BaseRule {

    private static final FieldPath SPEC = FieldPath.root("spec");
    private static final String[] PROTOCOLS = {"SCTP", "TCP", "UDP"};
    private static final String[] VOLUME_MODES = {"Block", "Filesystem"};
    private static final String[] STRATEGY_TYPES = {"OnDelete", "RollingUpdate"};
    /** Profile types, the same for seccomp and AppArmor. */
    private static final String[] PROFILE_TYPES = {"Localhost", "RuntimeDefault", "Unconfined"};
    private static final String[] HOST_PATH_TYPES = {"", "BlockDevice", "CharDevice", "Directory",
        "DirectoryOrCreate", "File", "FileOrCreate", "Socket"};

    SupportedValuesRule() {
        super("api/supported-values", Layer.API, Severity.ERROR,
                "Enumerated string fields hold a supported value: Service type, protocol, traffic policies, "
                        + "trafficDistribution (PreferSameZone and PreferSameNode from 1.34), "
                        + "sessionAffinity, ipFamilies, imagePullPolicy, restartPolicy, dnsPolicy, probe scheme, "
                        + "hostPath type, mountPropagation, seccomp and AppArmor profile types, strategy types, podManagementPolicy, "
                        + "volumeMode, persistentVolumeReclaimPolicy, reclaimPolicy, volumeBindingMode, "
                        + "seLinuxChangePolicy (only Recursive before 1.36, while the SELinuxMount gate is off), "
                        + "and more.");
    }

    @Override
    public void check(RuleContext context) {
        var tree = context.tree();
        var spec = Nodes.obj(tree, "spec");
        switch (Nodes.kind(tree)) {
            case "Service" -> {
                defaulted(context, spec, "type", SPEC, "ClusterIP", "ExternalName", "LoadBalancer", "NodePort");
                defaulted(context, spec, "externalTrafficPolicy", SPEC, "Cluster", "Local");
                one(context, spec, "internalTrafficPolicy", SPEC, "Cluster", "Local");
                defaulted(context, spec, "sessionAffinity", SPEC, "ClientIP", "None");
                one(context, spec, "ipFamilyPolicy", SPEC, "PreferDualStack", "RequireDualStack", "SingleStack");
                // PreferSameZone and PreferSameNode: alpha (off by default) in 1.33, on from 1.34 (KEP-3015)
                if (context.version().atLeast(1, 34)) {
                    one(context, spec, "trafficDistribution", SPEC, "PreferClose", "PreferSameNode", "PreferSameZone");
                } else {
                    one(context, spec, "trafficDistribution", SPEC, "PreferClose");
                }
                each(context, spec, "ipFamilies", SPEC, "IPv4", "IPv6");
                Nodes.forEachObject(spec, "ports", SPEC, (port, path, i) ->
                        defaulted(context, port, "protocol", path, PROTOCOLS));
            }
            case "Deployment" -> defaulted(context, Nodes.obj(spec, "strategy"), "type", SPEC.child("strategy"),
                    "Recreate", "RollingUpdate");
            case "StatefulSet" -> {
                defaulted(context, spec, "podManagementPolicy", SPEC, "OrderedReady", "Parallel");
                defaulted(context, Nodes.obj(spec, "updateStrategy"), "type", SPEC.child("updateStrategy"), STRATEGY_TYPES);
                var retention = Nodes.obj(spec, "persistentVolumeClaimRetentionPolicy");
                var retentionPath = SPEC.child("persistentVolumeClaimRetentionPolicy");
                defaulted(context, retention, "whenDeleted", retentionPath, "Delete", "Retain");
                defaulted(context, retention, "whenScaled", retentionPath, "Delete", "Retain");
            }
            case "DaemonSet" -> defaulted(context, Nodes.obj(spec, "updateStrategy"), "type", SPEC.child("updateStrategy"),
                    STRATEGY_TYPES);
            case "Job" -> one(context, spec, "completionMode", SPEC, "Indexed", "NonIndexed");
            case "CronJob" -> defaulted(context, spec, "concurrencyPolicy", SPEC, "Allow", "Forbid", "Replace");
            case "PersistentVolume" -> {
                defaulted(context, spec, "persistentVolumeReclaimPolicy", SPEC, "Delete", "Recycle", "Retain");
                one(context, spec, "volumeMode", SPEC, VOLUME_MODES);
                one(context, Nodes.obj(spec, "hostPath"), "type", SPEC.child("hostPath"), HOST_PATH_TYPES);
            }
            case "StorageClass" -> {
                defaulted(context, tree, "reclaimPolicy", FieldPath.root(), "Delete", "Retain");
                one(context, tree, "volumeBindingMode", FieldPath.root(), "Immediate", "WaitForFirstConsumer");
            }
            default -> {
            }
        }
        Quantities.forEachClaimSpec(context, (claim, path) -> one(context, claim, "volumeMode", path, VOLUME_MODES));
        checkPod(context);
    }

    private static void checkPod(RuleContext context) {
        var pod = PodSpecs.of(context);
        if (pod == null) {
            return;
        }
        var spec = pod.spec();
        if (!pod.isTemplate()) {
            // templates: see api/workload-restart-policy
            defaulted(context, spec, "restartPolicy", pod.path(), "Always", "Never", "OnFailure");
        }
        one(context, Nodes.obj(spec, "os"), "name", pod.path().child("os"), "linux", "windows");
        defaulted(context, spec, "dnsPolicy", pod.path(), "ClusterFirst", "ClusterFirstWithHostNet", "Default", "None");
        one(context, spec, "preemptionPolicy", pod.path(), "Never", "PreemptLowerPriority");
        var podSecurity = Nodes.obj(spec, "securityContext");
        one(context, Nodes.obj(podSecurity, "seccompProfile"), "type",
                pod.path().child("securityContext", "seccompProfile"), PROFILE_TYPES);
        one(context, Nodes.obj(podSecurity, "appArmorProfile"), "type",
                pod.path().child("securityContext", "appArmorProfile"), PROFILE_TYPES);
        one(context, podSecurity, "fsGroupChangePolicy", pod.path().child("securityContext"), "Always",
                "OnRootMismatch");
        one(context, podSecurity, "supplementalGroupsPolicy", pod.path().child("securityContext"), "Merge", "Strict");
        if (context.version().atLeast(1, 36)) {
            one(context, podSecurity, "seLinuxChangePolicy", pod.path().child("securityContext"), "MountOption",
                    "Recursive");
        } else {
            // MountOption needs the SELinuxMount gate, beta and off through 1.35: on create the
            // server then allows only Recursive (useOnlyRecursiveSELinuxChangePolicy)
            one(context, podSecurity, "seLinuxChangePolicy", pod.path().child("securityContext"), "Recursive");
        }
        // an emptyDir's medium is not checked by the API server, only by the kubelet
        Nodes.forEachObject(spec, "volumes", pod.path(), (volume, path, i) ->
                one(context, Nodes.obj(volume, "hostPath"), "type", path.child("hostPath"), HOST_PATH_TYPES));
        PodSpecs.forEachContainer(context, (container, path, init) -> {
            defaulted(context, container, "imagePullPolicy", path, "Always", "IfNotPresent", "Never");
            defaulted(context, container, "terminationMessagePolicy", path, "FallbackToLogsOnError", "File");
            Nodes.forEachObject(container, "ports", path, (port, portPath, i) ->
                    defaulted(context, port, "protocol", portPath, PROTOCOLS));
            Nodes.forEachObject(container, "volumeMounts", path, (mount, mountPath, i) ->
                    one(context, mount, "mountPropagation", mountPath, "Bidirectional", "HostToContainer", "None"));
            for (var probe : PortFields.PROBES) {
                var httpGet = Nodes.obj(container, probe, "httpGet");
                defaulted(context, httpGet, "scheme", path.child(probe, "httpGet"), "HTTP", "HTTPS");
            }
            for (var hook : new String[] {"postStart", "preStop"}) {
                var httpGet = Nodes.obj(container, "lifecycle", hook, "httpGet");
                defaulted(context, httpGet, "scheme", path.child("lifecycle", hook, "httpGet"), "HTTP", "HTTPS");
            }
            var security = Nodes.obj(container, "securityContext");
            one(context, Nodes.obj(security, "seccompProfile"), "type",
                    path.child("securityContext", "seccompProfile"), PROFILE_TYPES);
            one(context, Nodes.obj(security, "appArmorProfile"), "type",
                    path.child("securityContext", "appArmorProfile"), PROFILE_TYPES);
            one(context, security, "procMount", path.child("securityContext"), "Default", "Unmasked");
        });
    }

    /**
     * Like {@link #one}, for a field the API server defaults when it is empty: an explicit
     * {@code ""} (as a template renders an unset value) is the default, not an error.
     */
    private static void defaulted(RuleContext context, JsonNode holder, String field, FieldPath holderPath,
                                  String... values) {
        if (!"".equals(Nodes.str(holder, field))) {
            one(context, holder, field, holderPath, values);
        }
    }

    /** Reports {@code holder.field} if it is a string outside {@code values}. */
    private static void one(RuleContext context, JsonNode holder, String field, FieldPath holderPath,
                            String... values) {
        var value = Nodes.str(holder, field);
        if (value != null && !Nodes.oneOf(value, values)) {
            context.report(holderPath.child(field), ErrorType.NOT_SUPPORTED, Nodes.quote(value),
                    Nodes.supported(values));
        }
    }

    /** Reports each string element of the array {@code holder.field} outside {@code values}. */
    private static void each(RuleContext context, JsonNode holder, String field, FieldPath holderPath,
                             String... values) {
        var list = Nodes.arr(holder, field);
        if (list == null) {
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            var element = list.get(i);
            if (element.isString() && !Nodes.oneOf(element.asString(), values)) {
                context.report(holderPath.child(field).index(i), ErrorType.NOT_SUPPORTED, Nodes.quote(element.asString()),
                        Nodes.supported(values));
            }
        }
    }
}
