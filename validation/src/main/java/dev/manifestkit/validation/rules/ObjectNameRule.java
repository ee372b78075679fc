package dev.manifestkit.validation.rules;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.manifestkit.core.Kinds;
import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.validation.ApiGroups;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;

/**
 * {@code metadata.name}, {@code generateName} and {@code namespace} as the API server checks
 * them: a DNS-1123 subdomain for most kinds, a DNS-1123 label for a Namespace, a DNS-1035 label
 * for a Service (its name becomes a DNS label and an environment variable prefix).
 */
final class ObjectNameRule extends BaseRule {

    private static final FieldPath METADATA = FieldPath.root("metadata");

    /** Cluster-scoped kinds beyond core's kind table. */
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "PersistentVolume", "StorageClass", "Node",
            "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "PriorityClass", "IngressClass",
            "CSIDriver", "VolumeAttachment", "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration",
            "APIService", "RuntimeClass");

    /** Kinds whose names are DNS-1123 subdomains; other kinds are left to their own rules. */
    private static final Set<String> SUBDOMAIN_NAMED = Set.of("Pod", "Deployment", "StatefulSet", "DaemonSet",
            "ReplicaSet", "Job", "CronJob", "Ingress", "PersistentVolume", "PersistentVolumeClaim", "StorageClass",
            "Secret", "ConfigMap", "ServiceAccount", "IngressClass", "PodTemplate", "ReplicationController",
            "HorizontalPodAutoscaler", "NetworkPolicy", "PriorityClass", "LimitRange", "ResourceQuota");

    ObjectNameRule() {
        super("api/object-name", Layer.API, Severity.ERROR,
                "metadata.name (or generateName) is present and well formed: a DNS-1123 subdomain (also for "
                        + "custom resources, whatever their definition), a DNS-1123 label for a Namespace and (from 1.27) a "
                        + "StatefulSet, a DNS-1035 label for a Service, "
                        + "for other built-in kinds without a rule of their own (RBAC roles and bindings, "
                        + "PodDisruptionBudgets, …) a URL path segment (no '/' or '%', not '.' or '..'); metadata.namespace is a DNS-1123 label (on "
                        + "cluster-scoped kinds the API server clears it).");
    }

    @Override
    public void check(RuleContext context) {
        var tree = context.tree();
        var kind = Nodes.kind(tree);
        var metadata = Nodes.obj(tree, "metadata");
        var name = Nodes.str(metadata, "name");
        var generateName = Nodes.str(metadata, "generateName");
        if (metadata != null && (isNonString(metadata.get("name")) || isNonString(metadata.get("generateName")))) {
            return; // a name of the wrong type is the schema layer's finding, reported once
        }
        if ((name == null || name.isEmpty()) && (generateName == null || generateName.isEmpty())) {
            context.report(METADATA.child("name"), ErrorType.REQUIRED, "name or generateName is required");
        }
        if (name != null && !name.isEmpty()) {
            for (var msg : validate(context, Nodes.str(tree, "apiVersion"), kind, name)) {
                context.report(METADATA.child("name"), ErrorType.INVALID, Nodes.quote(name), msg);
            }
        }
        if (generateName != null && !generateName.isEmpty()) {
            // the server appends a random suffix, so a trailing '-' is fine (but "-" alone is not)
            var prefix = Nodes.maskTrailingDash(generateName);
            for (var msg : validate(context, Nodes.str(tree, "apiVersion"), kind, prefix)) {
                context.report(METADATA.child("generateName"), ErrorType.INVALID, Nodes.quote(generateName), msg);
            }
        }
        var namespace = Nodes.str(metadata, "namespace");
        // the API server clears the namespace of a cluster-scoped object before it validates it
        if (namespace != null && !namespace.isEmpty() && !isClusterScoped(Nodes.str(tree, "apiVersion"), kind)) {
            for (var msg : Names.dns1123Label(namespace)) {
                context.report(METADATA.child("namespace"), ErrorType.INVALID, Nodes.quote(namespace), msg);
            }
        }
    }

    private static boolean isClusterScoped(String apiVersion, String kind) {
        var namespaced = apiVersion == null ? Optional.<Boolean>empty() : Kinds.isNamespaced(apiVersion, kind);
        return namespaced.map(n -> !n).orElseGet(() -> CLUSTER_SCOPED.contains(kind));
    }

    private static List<String> validate(RuleContext context, String apiVersion, String kind, String name) {
        if (ApiGroups.isCustomResource(apiVersion)) {
            return Names.dns1123Subdomain(name); // whatever its kind is called (Knative's Service)
        }
        if (kind.equals("Service")) {
            return Names.dns1035Label(name);
        }
        if (kind.equals("Namespace")) {
            return Names.dns1123Label(name);
        }
        // ValidateStatefulSetName: a DNS label from 1.27, as the pods' hostnames (<name>-<ordinal>) must be
        if (kind.equals("StatefulSet") && context.version().atLeast(1, 27)) {
            return Names.dns1123Label(name);
        }
        if (SUBDOMAIN_NAMED.contains(kind)) {
            return Names.dns1123Subdomain(name);
        }
        // every other built-in kind: the generic registry's check (ValidatePathSegmentName), all that
        // RBAC's names and a PodDisruptionBudget's must pass
        return PathSegments.check(name);
    }

    private static boolean isNonString(tools.jackson.databind.JsonNode value) {
        return value != null && !value.isNull() && !value.isString();
    }
}
