package dev.manifestkit.validation;

import java.util.Set;

/**
 * Which objects are custom resources: the API server serves its own kinds in groups without a
 * dot ({@code apps}, {@code batch}, the core group) or in a fixed list of {@code *.k8s.io} groups;
 * any other group with a dot is a CustomResourceDefinition's (or an aggregated API's). A custom
 * resource may share a built-in kind's name (Knative's {@code serving.knative.dev} Service,
 * Volcano's {@code batch.volcano.sh} Job) and is still nothing like it.
 */
public final class ApiGroups {

    /** The API groups Kubernetes serves itself that have a dot. */
    private static final Set<String> BUILT_IN_GROUPS = Set.of("admissionregistration.k8s.io",
            "apiextensions.k8s.io", "apiregistration.k8s.io", "authentication.k8s.io", "authorization.k8s.io",
            "certificates.k8s.io", "coordination.k8s.io", "discovery.k8s.io", "events.k8s.io",
            "flowcontrol.apiserver.k8s.io", "internal.apiserver.k8s.io", "networking.k8s.io", "node.k8s.io",
            "rbac.authorization.k8s.io", "resource.k8s.io", "scheduling.k8s.io", "storage.k8s.io",
            "storagemigration.k8s.io", "metrics.k8s.io", "custom.metrics.k8s.io", "external.metrics.k8s.io");

    private ApiGroups() {
    }

    /** True for a group/version whose group is not one Kubernetes serves itself. */
    public static boolean isCustomResource(String apiVersion) {
        return !group(apiVersion).isEmpty();
    }

    /**
     * The group of a custom resource's apiVersion, or "" for a built-in one (or none): what
     * tells a custom resource from a built-in kind of the same name.
     */
    public static String group(String apiVersion) {
        if (apiVersion == null) {
            return "";
        }
        int slash = apiVersion.indexOf('/');
        int dot = apiVersion.indexOf('.');
        if (slash <= 0 || dot <= 0 || dot > slash) {
            return ""; // the core group, or one without a dot (apps, batch): Kubernetes' own
        }
        var group = apiVersion.substring(0, slash);
        return BUILT_IN_GROUPS.contains(group) ? "" : group;
    }

    /** The kind as an index keys it: {@code Service}, or {@code Service.serving.knative.dev} for a custom resource. */
    public static String qualifiedKind(String apiVersion, String kind) {
        var group = group(apiVersion);
        return group.isEmpty() ? kind : kind + "." + group;
    }
}
