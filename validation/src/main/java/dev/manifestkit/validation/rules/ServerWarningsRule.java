package dev.manifestkit.validation.rules;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the API server accepts but warns about on create (its pod, workload, Job, Service, Ingress,
 * NetworkPolicy, PersistentVolume, claim, StorageClass and TLS Secret warnings, which kubectl prints as "Warning: …"):
 * settings it ignores, deprecated ones, and spellings it will treat differently than written.
 * Warnings, not errors: {@code kubectl apply} succeeds.
 */
final class ServerWarningsRule extends BaseRule {

    private static final Map<String, String> DEPRECATED_NODE_LABELS = Map.of(
            "beta.kubernetes.io/arch", "deprecated since v1.14; use \"kubernetes.io/arch\" instead",
            "beta.kubernetes.io/os", "deprecated since v1.14; use \"kubernetes.io/os\" instead",
            "failure-domain.beta.kubernetes.io/region",
            "deprecated since v1.17; use \"topology.kubernetes.io/region\" instead",
            "failure-domain.beta.kubernetes.io/zone", "deprecated since v1.17; use \"topology.kubernetes.io/zone\" instead",
            "beta.kubernetes.io/instance-type", "deprecated since v1.17; use \"node.kubernetes.io/instance-type\" instead",
            // in pkg/api/node's deprecatedNodeLabels through 1.33-1.36 (servers from 1.32 print it)
            "node-role.kubernetes.io/master", "use \"node-role.kubernetes.io/control-plane\" instead");
    private static final String SECCOMP_POD = "seccomp.security.alpha.kubernetes.io/pod";
    private static final String SECCOMP_CONTAINER = "container.seccomp.security.alpha.kubernetes.io/";
    private static final String APPARMOR_CONTAINER = "container.apparmor.security.beta.kubernetes.io/";
    private static final String USE_SECCOMP_FIELD = "non-functional in v1.27+; use the \"seccompProfile\" field instead";
    private static final String USE_APPARMOR_FIELD = "deprecated since v1.30; use the \"appArmorProfile\" field instead";
    private static final Map<String, String> DEPRECATED_ANNOTATIONS = Map.of(
            "scheduler.alpha.kubernetes.io/critical-pod", "non-functional in v1.16+; use the \"priorityClassName\" field instead",
            "security.alpha.kubernetes.io/sysctls", "non-functional in v1.11+; use the \"sysctls\" field instead",
            "security.alpha.kubernetes.io/unsafe-sysctls", "non-functional in v1.11+; use the \"sysctls\" field instead");
    private static final Map<String, String> DEPRECATED_VOLUMES = Map.of(
            "photonPersistentDisk", "deprecated in v1.11, non-functional in v1.16+",
            "gitRepo", "deprecated in v1.11",
            "scaleIO", "deprecated in v1.16, non-functional in v1.22+",
            "flocker", "deprecated in v1.22, non-functional in v1.25+",
            "storageos", "deprecated in v1.22, non-functional in v1.25+",
            "quobyte", "deprecated in v1.22, non-functional in v1.25+",
            "glusterfs", "deprecated in v1.25, non-functional in v1.26+",
            "cephfs", "deprecated in v1.28, non-functional in v1.31+",
            "rbd", "deprecated in v1.28, non-functional in v1.31+");

    /** The volume plugins GetWarningsForPersistentVolume names, in its order (messages as for pod volumes). */
    private static final List<String> DEPRECATED_PV_PLUGINS = List.of("cephfs", "photonPersistentDisk", "scaleIO",
            "storageos", "glusterfs", "rbd");
    private static final String BETA_STORAGE_CLASS = "volume.beta.kubernetes.io/storage-class";
    private static final long INDEXED_COMPLETIONS_SOFT_LIMIT = 100_000;
    private static final long INDEXED_PARALLELISM_SOFT_LIMIT = 10_000;
    private static final long INDEXED_PARALLELISM_LIMIT = 100_000;
    private static final byte[] PEM_BEGIN = "-----BEGIN ".getBytes(StandardCharsets.US_ASCII);

    ServerWarningsRule() {
        super("api/server-warnings", Layer.API, Severity.WARNING,
                "What the API server accepts in a pod spec but warns about: a negative "
                        + "terminationGracePeriodSeconds, an env var that hides an earlier one of the same name, "
                        + "duplicate or overlapping container ports, hostIP without hostPort, fractional bytes of "
                        + "memory or ephemeral storage, duplicate hostAliases IPs and imagePullSecrets, a topology "
                        + "spread constraint without labelSelector, deprecated node labels, annotations and volume "
                        + "types, and seccomp and AppArmor annotations used without the field that replaced them; on "
                        + "Services (GetWarningsForService), the deprecated topology-aware-hints annotation, "
                        + "loadBalancerIP, externalIPs and ClientIP affinity on a headless Service, externalIPs on an "
                        + "ExternalName Service and externalName on any other, from 1.35 trafficDistribution "
                        + "PreferClose (deprecated for PreferSameZone) and from 1.36 externalIPs on a Service that "
                        + "does not ignore them (deprecated, KEP-5707); on StatefulSets, a negative "
                        + "revisionHistoryLimit; on Ingresses, the deprecated "
                        + "kubernetes.io/ingress.class annotation; from 1.33, IP addresses and CIDR ranges spelt "
                        + "non-standardly (GetWarningsForIP, GetWarningsForCIDR: leading zeros, IPv4-mapped IPv6, "
                        + "IPv6 not in RFC 5952 form, a CIDR with bits set beyond its prefix length) in a Service's "
                        + "clusterIPs, externalIPs, loadBalancerIP and loadBalancerSourceRanges, a pod's hostAliases "
                        + "and dnsConfig nameservers and a NetworkPolicy's ipBlock cidr and except (from 1.36 all but "
                        + "the RFC 5952 ones, and loadBalancerIP, are errors instead); on PersistentVolumes "
                        + "(GetWarningsForPersistentVolume), the deprecated volume.beta.kubernetes.io/storage-class "
                        + "annotation, the Recycle reclaim policy, deprecated node labels in the required node "
                        + "affinity and deprecated volume plugins; on claims, ephemeral volume claim templates and "
                        + "StatefulSet claim templates (GetWarningsForPersistentVolumeClaim), the same annotation on a "
                        + "claim and fractional bytes of storage requested or limited; a Deployment, ReplicaSet, Job "
                        + "or CronJob name that is not a DNS label (it is used in Pod names and hostnames); an Indexed "
                        + "Job (or CronJob job template) of more than 10^5 completions and 10^4 parallelism "
                        + "(WarningsForJobSpec); deprecated node labels as a StorageClass's allowedTopologies keys; "
                        + "and a kubernetes.io/tls Secret whose tls.crt, or else tls.key, holds no PEM data.");
    }

    @Override
    public void check(RuleContext context) {
        switch (Nodes.kind(context.tree())) {
            case "Service" -> service(context);
            case "Ingress" -> ingress(context);
            case "NetworkPolicy" -> networkPolicy(context);
            case "PersistentVolume" -> persistentVolume(context);
            case "PersistentVolumeClaim" -> persistentVolumeClaim(context);
            case "Secret" -> secret(context);
            case "StorageClass" -> storageClass(context);
            default -> {
                workloadName(context);
                pod(context);
                job(context);
            }
        }
    }

    /**
     * The Deployment, ReplicaSet, Job and CronJob strategies' WarningsOnCreate (kubernetes#114412,
     * 1.27): their name goes into their Pods' names and hostnames, so a name that is a valid
     * subdomain but not a DNS label (dots, more than 63 characters) is warned about, with
     * IsDNS1123Label's messages in Go's list form. DaemonSets and StatefulSets are not.
     */
    private static void workloadName(RuleContext context) {
        switch (Nodes.kind(context.tree())) {
            case "Deployment", "ReplicaSet", "Job", "CronJob" -> {
            }
            default -> {
                return;
            }
        }
        var name = Nodes.str(Nodes.obj(context.tree(), "metadata"), "name");
        if (name == null || name.isEmpty() || !Names.dns1123Subdomain(name).isEmpty()) {
            return; // a generated name is not known yet; an invalid one is refused (api/object-name)
        }
        var problems = Names.dns1123Label(name);
        if (!problems.isEmpty()) {
            context.report(FieldPath.root("metadata").child("name"), ErrorType.WARNING,
                    "this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label "
                            + "is recommended: [" + String.join(" ", problems) + "]");
        }
    }

    /**
     * job.WarningsForJobSpec's own warning (kubernetes#118420, 1.28), for a Job at spec and a CronJob at
     * spec.jobTemplate.spec: an Indexed Job of more than 10^5 completions and more than 10^4
     * parallelism. With backoffLimitPerIndex, or over 10^5 parallelism, that is refused instead
     * (api/job-spec), so it is not a warning there.
     */
    private static void job(RuleContext context) {
        var tree = context.tree();
        var path = FieldPath.root("spec");
        var spec = Nodes.obj(tree, "spec");
        switch (Nodes.kind(tree)) {
            case "Job" -> {
            }
            case "CronJob" -> {
                path = path.child("jobTemplate", "spec");
                spec = Nodes.obj(spec, "jobTemplate", "spec");
            }
            default -> {
                return;
            }
        }
        if (spec == null || !"Indexed".equals(Nodes.str(spec, "completionMode")) || Nodes.has(spec, "backoffLimitPerIndex")) {
            return;
        }
        var completions = Nodes.get(spec, "completions");
        var parallelism = Nodes.get(spec, "parallelism"); // defaulted to 1
        if (Nodes.isInt(completions) && completions.longValue() > INDEXED_COMPLETIONS_SOFT_LIMIT
                && Nodes.isInt(parallelism) && parallelism.longValue() > INDEXED_PARALLELISM_SOFT_LIMIT
                && parallelism.longValue() <= INDEXED_PARALLELISM_LIMIT) {
            context.report(path, ErrorType.WARNING, "In Indexed Jobs with a number of completions higher than 10^5 "
                    + "and a parallelism higher than 10^4, Kubernetes might not be able to track completedIndexes "
                    + "when a big number of indexes fail");
        }
    }

    /**
     * GetWarningsForStorageClass: deprecated node labels as allowedTopologies keys, with the bare
     * deprecation message (not "key is …", unlike pod and PV node affinity).
     */
    private static void storageClass(RuleContext context) {
        Nodes.forEachObject(context.tree(), "allowedTopologies", FieldPath.root(), (term, termPath, i) ->
                Nodes.forEachObject(term, "matchLabelExpressions", termPath, (expression, expressionPath, j) -> {
                    var key = Nodes.str(expression, "key");
                    var message = key == null ? null : DEPRECATED_NODE_LABELS.get(key);
                    if (message != null) {
                        context.report(expressionPath.child("key"), ErrorType.WARNING, message);
                    }
                }));
    }

    /**
     * The Secret strategy's warningsForSecret: a kubernetes.io/tls Secret whose tls.crt and tls.key
     * Go's tls.X509KeyPair cannot load. Only what is certain without Go's PEM and X.509 parsers is
     * reported: a tls.crt without any PEM block ("-----BEGIN " nowhere in it), and a tls.key without
     * one beside a tls.crt that holds a well-formed CERTIFICATE block (X509KeyPair looks at the key's
     * PEM before parsing the certificate). The server prints the error without a field; it is
     * reported at the key where it was written.
     */
    private static void secret(RuleContext context) {
        var tree = context.tree();
        if (!"kubernetes.io/tls".equals(Nodes.str(tree, "type"))) {
            return;
        }
        var cert = secretValue(tree, "tls.crt");
        var key = secretValue(tree, "tls.key");
        if (cert == null || key == null) {
            return; // missing (api/secret-type-keys) or not base64 (api/base64-data): refused
        }
        if (!contains(cert.bytes(), PEM_BEGIN)) {
            context.report(cert.path(), ErrorType.WARNING, "tls: failed to find any PEM data in certificate input");
        } else if (!contains(key.bytes(), PEM_BEGIN) && hasCertificateBlock(cert.bytes())) {
            context.report(key.path(), ErrorType.WARNING, "tls: failed to find any PEM data in key input");
        }
    }

    private record SecretValue(byte[] bytes, FieldPath path) {
    }

    /** A Secret key's bytes, stringData's (which the server merges over data) before data's. */
    private static SecretValue secretValue(JsonNode tree, String key) {
        var plain = Nodes.get(Nodes.obj(tree, "stringData"), key);
        if (plain != null && plain.isString()) {
            return new SecretValue(plain.asString().getBytes(StandardCharsets.UTF_8),
                    FieldPath.root("stringData").key(key));
        }
        var value = Nodes.get(Nodes.obj(tree, "data"), key);
        if (value == null || value.isNull()) {
            return new SecretValue(new byte[0], FieldPath.root("data").key(key));
        }
        var bytes = Secrets.decode(value);
        return bytes == null ? null : new SecretValue(bytes, FieldPath.root("data").key(key));
    }

    private static boolean contains(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= bytes.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * Whether the text holds a CERTIFICATE block Go's pem.Decode certainly reads: a BEGIN line at
     * the start of a line, then only lines of base64 that decode, then its END line.
     */
    private static boolean hasCertificateBlock(byte[] bytes) {
        var lines = new String(bytes, StandardCharsets.US_ASCII).split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].equals("-----BEGIN CERTIFICATE-----")) {
                continue;
            }
            var body = new StringBuilder();
            for (int j = i + 1; j < lines.length; j++) {
                var line = lines[j];
                if (line.equals("-----END CERTIFICATE-----")) {
                    if (body.isEmpty() || body.length() % 4 != 0) {
                        break;
                    }
                    try {
                        Base64.getDecoder().decode(body.toString());
                        return true;
                    } catch (IllegalArgumentException e) {
                        break;
                    }
                }
                if (!line.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '+' || c == '/'
                        || c == '=')) {
                    break;
                }
                body.append(line);
            }
        }
        return false;
    }

    /**
     * GetWarningsForService, in its order: the deprecated topology annotation, the spelling of
     * cluster IPs, what a headless Service ignores, the spelling of external IPs, loadBalancerIP
     * and loadBalancerSourceRanges, then what ExternalName and the other types ignore.
     */
    private static void service(RuleContext context) {
        var tree = context.tree();
        var spec = Nodes.obj(tree, "spec");
        var annotations = Nodes.obj(tree, "metadata", "annotations");
        if (Nodes.has(annotations, ServiceAnnotationsRule.TOPOLOGY_HINTS)) {
            context.report(FieldPath.root("metadata").child("annotations").key(ServiceAnnotationsRule.TOPOLOGY_HINTS),
                    ErrorType.WARNING, "annotation " + ServiceAnnotationsRule.TOPOLOGY_HINTS
                            + " is deprecated, please use " + ServiceAnnotationsRule.TOPOLOGY_MODE + " instead");
        }
        if (spec == null) {
            return;
        }
        var declared = Nodes.str(spec, "type");
        var type = declared == null || declared.isEmpty() ? "ClusterIP" : declared;
        var externalIPs = Nodes.arr(spec, "externalIPs");
        boolean hasExternalIPs = externalIPs != null && !externalIPs.isEmpty();
        var root = FieldPath.root("spec");
        clusterIpSpellings(context, spec, root);
        // the server's isHeadlessService: type ClusterIP and clusterIP None
        boolean headless = type.equals("ClusterIP") && "None".equals(Nodes.str(spec, "clusterIP"));
        if (headless) {
            var loadBalancerIP = Nodes.str(spec, "loadBalancerIP");
            if (loadBalancerIP != null && !loadBalancerIP.isEmpty()) {
                context.report(root.child("loadBalancerIP"), ErrorType.WARNING, "ignored for headless services");
            }
            if (hasExternalIPs) {
                context.report(root.child("externalIPs"), ErrorType.WARNING, "ignored for headless services");
            }
            var affinity = Nodes.str(spec, "sessionAffinity");
            if (affinity != null && !affinity.isEmpty() && !affinity.equals("None")) { // defaulted to None
                context.report(root.child("sessionAffinity"), ErrorType.WARNING, "ignored for headless services");
            }
        }
        if (hasExternalIPs) {
            for (int i = 0; i < externalIPs.size(); i++) {
                ipSpelling(context, externalIPs.get(i), root.child("externalIPs").index(i), true);
            }
        }
        // KEP-5707 (kubernetes#137293, 1.36): externalIPs deprecated, wherever they are not ignored anyway
        if (hasExternalIPs && !headless && !type.equals("ExternalName") && context.version().atLeast(1, 36)) {
            context.report(root.child("externalIPs"), ErrorType.WARNING,
                    "deprecated and may no longer be implemented in some clusters");
        }
        var loadBalancerIP = Nodes.get(spec, "loadBalancerIP");
        if (loadBalancerIP != null && loadBalancerIP.isString() && !loadBalancerIP.asString().isEmpty()) {
            ipSpelling(context, loadBalancerIP, root.child("loadBalancerIP"), false); // not validated: never an error
        }
        var ranges = Nodes.arr(spec, "loadBalancerSourceRanges");
        for (int i = 0; ranges != null && i < ranges.size(); i++) {
            // the warning reads the value as written, the validation (and its strict check) trimmed
            cidrSpelling(context, ranges.get(i), root.child("loadBalancerSourceRanges").index(i),
                    ranges.get(i).isString() ? ranges.get(i).asString().strip() : null);
        }
        if (type.equals("ExternalName") && hasExternalIPs) {
            context.report(root.child("externalIPs"), ErrorType.WARNING, "ignored when spec.type is \"ExternalName\"");
        }
        var externalName = Nodes.str(spec, "externalName");
        if (!type.equals("ExternalName") && externalName != null && !externalName.isEmpty()) {
            context.report(root.child("externalName"), ErrorType.WARNING, "ignored when spec.type is not \"ExternalName\"");
        }
        // kubernetes#134457 (1.35, PreferSameTrafficDistribution GA): PreferClose is the old name of PreferSameZone
        if ("PreferClose".equals(Nodes.str(spec, "trafficDistribution")) && context.version().atLeast(1, 35)) {
            context.report(root.child("trafficDistribution"), ErrorType.WARNING,
                    "\"PreferClose\" is deprecated; use \"PreferSameZone\"");
        }
    }

    /**
     * GetWarningsForService's cluster IPs, when the Service has one (helper.IsServiceIPSet: a
     * clusterIP that is not None; clusterIPs without it are refused). The server reports at
     * spec.clusterIPs, where it copies a lone clusterIP; this reports where it was written, as
     * api/ip-addresses does.
     */
    private static void clusterIpSpellings(RuleContext context, ObjectNode spec, FieldPath root) {
        var clusterIP = Nodes.str(spec, "clusterIP");
        if (clusterIP == null || clusterIP.isEmpty() || clusterIP.equals("None")) {
            return;
        }
        var clusterIPs = Nodes.arr(spec, "clusterIPs");
        if (clusterIPs == null || clusterIPs.isEmpty()) {
            ipSpelling(context, Nodes.get(spec, "clusterIP"), root.child("clusterIP"), true);
            return;
        }
        for (int i = 0; i < clusterIPs.size(); i++) {
            ipSpelling(context, clusterIPs.get(i), root.child("clusterIPs").index(i), true);
        }
    }

    /**
     * apimachinery's GetWarningsForIP (its wording since 1.33): an IPv4 address with leading
     * zeros, an IPv4-mapped IPv6 address, an IPv6 address not in RFC 5952 form. From 1.36 the
     * server refuses the first two in the fields it validates ({@code validated}), which
     * api/ip-addresses reports, so they are no longer warnings there: a refused create returns no
     * warnings.
     */
    private static void ipSpelling(RuleContext context, JsonNode value, FieldPath path, boolean validated) {
        if (value == null || !value.isString() || !context.version().atLeast(1, 33)) {
            return;
        }
        if (validated && context.version().atLeast(1, 36) && IpAddresses.strictIpProblem(value.asString()) != null) {
            return;
        }
        for (var warning : IpAddresses.ipWarnings(value.asString())) {
            context.report(path, ErrorType.WARNING, warning);
        }
    }

    /**
     * apimachinery's GetWarningsForCIDR (since 1.33): host bits set beyond the prefix length,
     * leading zeros, an IPv4-mapped address, an IPv6 range not in RFC 5952 form; from 1.36 the
     * first three are errors (api/ip-addresses, api/network-policy), judged on {@code validated},
     * the text the validation reads.
     */
    private static void cidrSpelling(RuleContext context, JsonNode value, FieldPath path, String validated) {
        if (value == null || !value.isString() || !context.version().atLeast(1, 33)) {
            return;
        }
        if (validated != null && context.version().atLeast(1, 36) && IpAddresses.strictCidrProblem(validated) != null) {
            return;
        }
        for (var warning : IpAddresses.cidrWarnings(value.asString())) {
            context.report(path, ErrorType.WARNING, warning);
        }
    }

    /** The NetworkPolicy strategy's warnings (since 1.33): the spelling of each ipBlock's cidr and except ranges. */
    private static void networkPolicy(RuleContext context) {
        var spec = Nodes.obj(context.tree(), "spec");
        var root = FieldPath.root("spec");
        for (var direction : new String[][] {{"ingress", "from"}, {"egress", "to"}}) {
            Nodes.forEachObject(spec, direction[0], root, (rule, rulePath, i) ->
                    Nodes.forEachObject(rule, direction[1], rulePath, (peer, peerPath, j) -> {
                        var ipBlock = Nodes.obj(peer, "ipBlock");
                        if (ipBlock == null) {
                            return;
                        }
                        var blockPath = peerPath.child("ipBlock");
                        var cidr = Nodes.get(ipBlock, "cidr");
                        cidrSpelling(context, cidr, blockPath.child("cidr"), cidr != null && cidr.isString()
                                ? cidr.asString() : null);
                        var except = Nodes.arr(ipBlock, "except");
                        for (int k = 0; except != null && k < except.size(); k++) {
                            cidrSpelling(context, except.get(k), blockPath.child("except").index(k),
                                    except.get(k).isString() ? except.get(k).asString() : null);
                        }
                    }));
        }
    }

    /**
     * GetWarningsForPersistentVolume: the deprecated storage-class annotation, the Recycle reclaim
     * policy, deprecated node labels in the required node affinity, and deprecated volume plugins.
     */
    private static void persistentVolume(RuleContext context) {
        storageClassAnnotation(context);
        var spec = Nodes.obj(context.tree(), "spec");
        if (spec == null) {
            return;
        }
        var root = FieldPath.root("spec");
        if ("Recycle".equals(Nodes.str(spec, "persistentVolumeReclaimPolicy"))) {
            context.report(root.child("persistentVolumeReclaimPolicy"), ErrorType.WARNING,
                    "The Recycle reclaim policy is deprecated. Instead, the recommended approach is to use dynamic "
                            + "provisioning.");
        }
        var termsPath = root.child("nodeAffinity", "required");
        Nodes.forEachObject(Nodes.obj(spec, "nodeAffinity", "required"), "nodeSelectorTerms", termsPath,
                (term, termPath, i) -> Nodes.forEachObject(term, "matchExpressions", termPath,
                        (expression, expressionPath, j) -> {
                            var key = Nodes.str(expression, "key");
                            var message = key == null ? null : DEPRECATED_NODE_LABELS.get(key);
                            if (message != null) {
                                context.report(expressionPath.child("key"), ErrorType.WARNING, key + " is " + message);
                            }
                        }));
        for (var plugin : DEPRECATED_PV_PLUGINS) {
            if (Nodes.has(spec, plugin)) {
                context.report(root.child(plugin), ErrorType.WARNING, DEPRECATED_VOLUMES.get(plugin));
            }
        }
    }

    /** GetWarningsForPersistentVolumeClaim: the deprecated storage-class annotation and fractional bytes of storage. */
    private static void persistentVolumeClaim(RuleContext context) {
        storageClassAnnotation(context);
        claimSpec(context, Nodes.obj(context.tree(), "spec"), FieldPath.root("spec"));
    }

    private static void storageClassAnnotation(RuleContext context) {
        if (Nodes.has(Nodes.obj(context.tree(), "metadata", "annotations"), BETA_STORAGE_CLASS)) {
            context.report(FieldPath.root("metadata").child("annotations").key(BETA_STORAGE_CLASS), ErrorType.WARNING,
                    "deprecated since v1.8; use \"storageClassName\" attribute instead");
        }
    }

    /**
     * GetWarningsForPersistentVolumeClaimSpec, for a claim, an ephemeral volume's claim template
     * and a StatefulSet's claim templates: storage requested or limited in fractions of a byte.
     */
    private static void claimSpec(RuleContext context, ObjectNode spec, FieldPath path) {
        for (var kind : new String[] {"requests", "limits"}) {
            fractionalBytes(context, Nodes.obj(spec, "resources", kind), "storage", path.child("resources", kind));
        }
    }

    /** The Ingress strategy's WarningsOnCreate. */
    private static void ingress(RuleContext context) {
        var key = "kubernetes.io/ingress.class";
        if (Nodes.has(Nodes.obj(context.tree(), "metadata", "annotations"), key)) {
            context.report(FieldPath.root("metadata").child("annotations").key(key), ErrorType.WARNING,
                    "annotation \"" + key + "\" is deprecated, please use 'spec.ingressClassName' instead");
        }
    }

    private static void pod(RuleContext context) {
        var pod = PodSpecs.of(context);
        if (pod == null) {
            return;
        }
        var spec = pod.spec();
        var path = pod.path();
        var grace = Nodes.get(spec, "terminationGracePeriodSeconds");
        if (Nodes.isInt(grace) && grace.longValue() < 0) {
            context.report(path.child("terminationGracePeriodSeconds"), ErrorType.WARNING,
                    "must be >= 0; negative values are invalid and will be treated as 1");
        }
        nodeLabels(context, spec, path);
        var annotations = Nodes.obj(pod.metadata(), "annotations");
        if (annotations != null) {
            DEPRECATED_ANNOTATIONS.forEach((key, message) -> {
                if (annotations.has(key)) {
                    context.report(pod.metadataPath().child("annotations").key(key), ErrorType.WARNING, message);
                }
            });
            securityAnnotations(context, pod, annotations);
        }
        Nodes.forEachObject(spec, "volumes", path, (volume, volumePath, i) -> {
            DEPRECATED_VOLUMES.forEach((type, message) -> {
                if (Nodes.has(volume, type)) {
                    context.report(volumePath.child(type), ErrorType.WARNING, message);
                }
            });
            var template = Nodes.obj(volume, "ephemeral", "volumeClaimTemplate");
            if (template != null) {
                claimSpec(context, Nodes.obj(template, "spec"),
                        volumePath.child("ephemeral", "volumeClaimTemplate", "spec"));
            }
        });
        duplicates(context, spec, path, "hostAliases", "ip", "duplicate ip ");
        Nodes.forEachObject(spec, "hostAliases", path, (alias, aliasPath, i) ->
                ipSpelling(context, Nodes.get(alias, "ip"), aliasPath.child("ip"), true));
        var nameservers = Nodes.arr(Nodes.obj(spec, "dnsConfig"), "nameservers");
        for (int i = 0; nameservers != null && i < nameservers.size(); i++) {
            ipSpelling(context, nameservers.get(i), path.child("dnsConfig", "nameservers").index(i), true);
        }
        duplicates(context, spec, path, "imagePullSecrets", "name", "duplicate name ");
        Nodes.forEachObject(spec, "imagePullSecrets", path, (secret, secretPath, i) -> {
            if ("".equals(Nodes.str(secret, "name"))) {
                context.report(secretPath.child("name"), ErrorType.WARNING, "invalid empty name \"\"");
            }
        });
        var ports = new HashMap<String, PortsOfKey>(4);
        PodSpecs.forEachContainer(context, (container, containerPath, init) -> {
            fractionalBytes(context, container, containerPath);
            hiddenEnv(context, container, containerPath);
            ports(context, pod, container, containerPath, ports);
        });
        if (pod.kind().equals("StatefulSet")) {
            // the server names these spec.volumeClaimTemplates[i].resources…, without the claim's spec
            Nodes.forEachObject(Nodes.obj(context.tree(), "spec"), "volumeClaimTemplates", FieldPath.root("spec"),
                    (claim, claimPath, i) -> claimSpec(context, Nodes.obj(claim, "spec"), claimPath.child("spec")));
            // the StatefulSet strategy's WarningsOnCreate (kubernetes#129017, 1.33): accepted, the controller keeps
            // every revision; Deployments, ReplicaSets and DaemonSets refuse it (api/non-negative)
            var limit = Nodes.get(Nodes.obj(context.tree(), "spec"), "revisionHistoryLimit");
            if (Nodes.isInt(limit) && limit.longValue() < 0) {
                context.report(FieldPath.root("spec").child("revisionHistoryLimit"), ErrorType.WARNING,
                        "a negative value retains all historical revisions; a value >= 0 is recommended");
            }
        }
    }

    /**
     * The seccomp and AppArmor annotations that predate their fields, used without the field:
     * GetWarningsForPod(Template) names each one (the seccomp ones do nothing since 1.27).
     */
    private static void securityAnnotations(RuleContext context, PodSpecs.PodSpec pod, ObjectNode annotations) {
        var at = pod.metadataPath().child("annotations");
        var spec = pod.spec();
        if (annotations.has(SECCOMP_POD) && Nodes.obj(spec, "securityContext", "seccompProfile") == null) {
            context.report(at.key(SECCOMP_POD), ErrorType.WARNING, USE_SECCOMP_FIELD);
        }
        boolean podAppArmor = Nodes.obj(spec, "securityContext", "appArmorProfile") != null;
        PodSpecs.forEachContainer(pod, (container, containerPath, init) -> {
            var name = Nodes.str(container, "name");
            if (name == null) {
                return;
            }
            if (annotations.has(SECCOMP_CONTAINER + name)
                    && Nodes.obj(container, "securityContext", "seccompProfile") == null) {
                context.report(at.key(SECCOMP_CONTAINER + name), ErrorType.WARNING, USE_SECCOMP_FIELD);
            }
            if (!podAppArmor && annotations.has(APPARMOR_CONTAINER + name)
                    && Nodes.obj(container, "securityContext", "appArmorProfile") == null) {
                context.report(at.key(APPARMOR_CONTAINER + name), ErrorType.WARNING, USE_APPARMOR_FIELD);
            }
        });
    }

    private static void nodeLabels(RuleContext context, ObjectNode spec, FieldPath path) {
        var nodeSelector = Nodes.obj(spec, "nodeSelector");
        if (nodeSelector != null) {
            for (var key : nodeSelector.propertyNames()) {
                var message = DEPRECATED_NODE_LABELS.get(key);
                if (message != null) {
                    context.report(path.child("nodeSelector").key(key), ErrorType.WARNING, message);
                }
            }
        }
        var nodeAffinity = Nodes.obj(spec, "affinity", "nodeAffinity");
        var affinityPath = path.child("affinity", "nodeAffinity");
        Nodes.forEachObject(Nodes.obj(nodeAffinity, "requiredDuringSchedulingIgnoredDuringExecution"),
                "nodeSelectorTerms", affinityPath.child("requiredDuringSchedulingIgnoredDuringExecution"),
                (term, termPath, i) -> nodeSelectorTerm(context, term, termPath));
        Nodes.forEachObject(nodeAffinity, "preferredDuringSchedulingIgnoredDuringExecution", affinityPath,
                (preferred, preferredPath, i) -> nodeSelectorTerm(context, Nodes.obj(preferred, "preference"),
                        preferredPath.child("preference")));
        Nodes.forEachObject(spec, "topologySpreadConstraints", path, (constraint, constraintPath, i) -> {
            var key = Nodes.str(constraint, "topologyKey");
            var message = key == null ? null : DEPRECATED_NODE_LABELS.get(key);
            if (message != null) {
                context.report(constraintPath.child("topologyKey"), ErrorType.WARNING, key + " is " + message);
            }
            if (!Nodes.has(constraint, "labelSelector")) {
                context.report(constraintPath.child("labelSelector"), ErrorType.WARNING,
                        "a null labelSelector results in matching no pod");
            }
        });
    }

    /**
     * Match expressions only, as {@code GetWarningsForNodeSelectorTerm}: a {@code matchFields} key is
     * a node field ({@code metadata.name}), never a label.
     */
    private static void nodeSelectorTerm(RuleContext context, ObjectNode term, FieldPath termPath) {
        Nodes.forEachObject(term, "matchExpressions", termPath, (expression, expressionPath, i) -> {
            var key = Nodes.str(expression, "key");
            var message = key == null ? null : DEPRECATED_NODE_LABELS.get(key);
            if (message != null) {
                context.report(expressionPath.child("key"), ErrorType.WARNING, key + " is " + message);
            }
        });
    }

    private static void duplicates(RuleContext context, ObjectNode spec, FieldPath path, String list, String field,
            String message) {
        var items = Nodes.arr(spec, list);
        if (items == null || items.size() < 2) {
            return;
        }
        var seen = new HashSet<String>();
        Nodes.forEachObject(spec, list, path, (item, itemPath, i) -> {
            var value = Nodes.str(item, field);
            if (value != null && !seen.add(value)) {
                context.report(itemPath.child(field), ErrorType.WARNING, message + Nodes.quote(value));
            }
        });
    }

    /** Memory and ephemeral storage in fractions of a byte ({@code 0.5}, {@code 100m}): the server rounds them up. */
    private static void fractionalBytes(RuleContext context, ObjectNode container, FieldPath path) {
        for (var kind : new String[] {"limits", "requests"}) {
            var amounts = Nodes.obj(container, "resources", kind);
            for (var resource : new String[] {"memory", "ephemeral-storage"}) {
                fractionalBytes(context, amounts, resource, path.child("resources", kind));
            }
        }
    }

    /** One amount of bytes in fractions of a byte ({@code MilliValue() % 1000 != 0}). */
    private static void fractionalBytes(RuleContext context, ObjectNode amounts, String resource, FieldPath path) {
        var value = Nodes.get(amounts, resource);
        if (value == null || value.isString() && isWholeBytes(value.asString())) {
            return;
        }
        BigDecimal amount = Quantities.of(value);
        if (amount != null && amount.stripTrailingZeros().scale() > 0) {
            context.report(path.key(resource), ErrorType.WARNING,
                    "fractional byte value " + Quantities.show(value) + " is invalid, must be an integer");
        }
    }

    /**
     * A later env var of the same name replaces the earlier one, and {@code kubectl apply}'s
     * merge may drop one of them; the server stays quiet only when the later value builds on the
     * earlier ({@code PATH=$(PATH):/x}).
     */
    private static void hiddenEnv(RuleContext context, ObjectNode container, FieldPath path) {
        var env = Nodes.arr(container, "env");
        if (env == null || env.size() < 2) {
            return;
        }
        var seen = new HashSet<String>();
        for (int i = 0; i < env.size(); i++) {
            var name = Nodes.str(env.get(i), "name");
            if (name == null || seen.add(name)) {
                continue;
            }
            var value = Nodes.str(env.get(i), "value");
            var text = value == null ? "" : value;
            var reference = "$(" + name + ")";
            if (Nodes.has(env.get(i), "valueFrom") || text.equals(reference) || !text.contains(reference)) {
                context.report(path.child("env").index(i), ErrorType.WARNING,
                        "hides previous definition of " + Nodes.quote(name) + ", which may be dropped when using apply");
            }
        }
    }

    /**
     * Whether a quantity is whole bytes at a glance, without parsing it: digits with no suffix, or
     * with a suffix of a kilo or more ({@code 64Mi}, {@code 1G}). Others are parsed.
     */
    private static boolean isWholeBytes(String quantity) {
        int digits = 0;
        while (digits < quantity.length() && quantity.charAt(digits) >= '0' && quantity.charAt(digits) <= '9') {
            digits++;
        }
        if (digits == 0) {
            return false;
        }
        return switch (quantity.length() - digits) {
            case 0 -> true;
            case 1 -> "kMGTPE".indexOf(quantity.charAt(digits)) >= 0;
            case 2 -> "KMGTPE".indexOf(quantity.charAt(digits)) >= 0 && quantity.charAt(digits + 1) == 'i';
            default -> false;
        };
    }

    /** One container port, as the server's duplicate-port warning compares them. */
    private record Port(FieldPath path, String hostIP, long hostPort) {
    }

    /**
     * The ports of one number and protocol so far. The server warns once for every pair of them
     * that clash, so 40,000 copies of one port make 800 million warnings: the first
     * {@value #COMPARED} are compared with each new port one by one, as the server does, and its
     * clashes with the others are only counted, from tallies, so the work stays linear.
     */
    private static final class PortsOfKey {
        static final int COMPARED = 64;

        final List<Port> first = new ArrayList<>(1);
        long count;
        long withoutHostPort;
        /** By host IP and host port; made once more than {@value #COMPARED} ports share the key. */
        Map<String, Long> same;
        /** By host port and whether the host IP is empty; made with {@link #same}. */
        Map<String, Long> samePort;

        void add(Port port) {
            count++;
            withoutHostPort += port.hostPort() == 0 ? 1 : 0;
            if (first.size() < COMPARED) {
                first.add(port);
                return;
            }
            if (same == null) {
                same = new HashMap<>();
                samePort = new HashMap<>();
                first.forEach(this::tally);
            }
            tally(port);
        }

        private void tally(Port port) {
            same.merge(port.hostIP() + "|" + port.hostPort(), 1L, Long::sum);
            samePort.merge(port.hostPort() + "|" + port.hostIP().isEmpty(), 1L, Long::sum);
        }

        /** How many of these ports a new one clashes with, by the rules of the loop in {@code ports}. */
        long problemsWith(String hostIP, long hostPort) {
            if (count <= first.size()) {
                return 0; // all compared one by one
            }
            long duplicates = same.getOrDefault(hostIP + "|" + hostPort, 0L);
            if (hostPort == 0) {
                return count; // duplicates and overlaps: every one of them
            }
            return duplicates + withoutHostPort + samePort.getOrDefault(hostPort + "|" + !hostIP.isEmpty(), 0L);
        }
    }

    private static void ports(RuleContext context, PodSpecs.PodSpec pod, ObjectNode container, FieldPath path,
                              Map<String, PortsOfKey> all) {
        Nodes.forEachObject(container, "ports", path, (port, portPath, i) -> {
            var containerPort = Nodes.get(port, "containerPort");
            if (!Nodes.isInt(containerPort)) {
                return;
            }
            var hostIP = Nodes.str(port, "hostIP");
            hostIP = hostIP == null ? "" : hostIP;
            long hostPort = PortFields.hostPort(pod, port); // warnings see the defaulted object
            if (!hostIP.isEmpty() && hostPort == 0) {
                context.report(portPath, ErrorType.WARNING, "hostIP set without hostPort");
            }
            var protocol = Nodes.str(port, "protocol");
            var key = containerPort.longValue() + "/" + (protocol == null || protocol.isEmpty() ? "TCP" : protocol);
            var others = all.computeIfAbsent(key, k -> new PortsOfKey());
            long found = 0;
            for (var other : others.first) {
                String problem = null;
                if (hostIP.equals(other.hostIP()) && hostPort == other.hostPort()) {
                    problem = "duplicate port definition with ";
                } else if (hostPort == 0 || other.hostPort() == 0) {
                    problem = "overlapping port definition with ";
                } else if (hostPort == other.hostPort() && (hostIP.isEmpty() != other.hostIP().isEmpty())) {
                    problem = "dangerously ambiguous port definition with ";
                }
                if (problem != null) {
                    context.report(portPath, ErrorType.WARNING, problem + other.path());
                    found++;
                }
            }
            long notShown = others.problemsWith(hostIP, hostPort) - found;
            if (notShown > 0) {
                context.reportNotShown(notShown);
            }
            others.add(new Port(portPath, hostIP, hostPort));
        });
    }
}
