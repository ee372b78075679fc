package dev.manifestkit.core;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.storage.StorageClass;

/**
 * The kinds manifestkit models: their apiVersion, scope, fabric8 class and install order.
 *
 * <p>Objects of other kinds (custom resources, RBAC, …) are carried untouched; they sort after the
 * known kinds, in the order they were given.
 */
public final class Kinds {

    /** The install order given to kinds not in the table: after every known kind. */
    public static final int UNKNOWN_INSTALL_ORDER = Integer.MAX_VALUE;

    private static final List<KindInfo> ALL = List.of(
            new KindInfo("Namespace", "v1", false, Namespace.class, 0),
            new KindInfo("StorageClass", "storage.k8s.io/v1", false, StorageClass.class, 1),
            new KindInfo("PersistentVolume", "v1", false, PersistentVolume.class, 2),
            new KindInfo("PersistentVolumeClaim", "v1", true, PersistentVolumeClaim.class, 3),
            new KindInfo("ServiceAccount", "v1", true, ServiceAccount.class, 4),
            new KindInfo("Secret", "v1", true, Secret.class, 5),
            new KindInfo("ConfigMap", "v1", true, ConfigMap.class, 6),
            new KindInfo("Service", "v1", true, Service.class, 7),
            new KindInfo("Pod", "v1", true, Pod.class, 8),
            new KindInfo("Deployment", "apps/v1", true, Deployment.class, 9),
            new KindInfo("StatefulSet", "apps/v1", true, StatefulSet.class, 10),
            new KindInfo("DaemonSet", "apps/v1", true, DaemonSet.class, 11),
            new KindInfo("Job", "batch/v1", true, Job.class, 12),
            new KindInfo("CronJob", "batch/v1", true, CronJob.class, 13),
            new KindInfo("Ingress", "networking.k8s.io/v1", true, Ingress.class, 14));

    /**
     * Kubernetes' own kinds outside the table whose objects live in a namespace, as
     * {@code group/Kind} (the core group is empty: {@code /LimitRange}). They are shipped beside
     * workloads (an HPA, a PodDisruptionBudget, a Role), so {@link Manifests#namespace(String)} must
     * give them the namespace it gives the workloads.
     */
    private static final Set<String> BUILT_IN_NAMESPACED = Set.of(
            "/Endpoints", "/Event", "/LimitRange", "/PodTemplate", "/ReplicationController", "/ResourceQuota",
            "apps/ControllerRevision", "apps/ReplicaSet",
            "autoscaling/HorizontalPodAutoscaler",
            "certificates.k8s.io/PodCertificateRequest",
            "coordination.k8s.io/Lease", "coordination.k8s.io/LeaseCandidate",
            "discovery.k8s.io/EndpointSlice", "events.k8s.io/Event",
            "networking.k8s.io/NetworkPolicy", "policy/PodDisruptionBudget",
            "rbac.authorization.k8s.io/Role", "rbac.authorization.k8s.io/RoleBinding",
            "resource.k8s.io/ResourceClaim", "resource.k8s.io/ResourceClaimTemplate",
            "storage.k8s.io/CSIStorageCapacity");

    /** Kubernetes' own cluster-scoped kinds outside the table, as {@code group/Kind}. */
    private static final Set<String> BUILT_IN_CLUSTER_SCOPED = Set.of(
            "/ComponentStatus", "/Node",
            "admissionregistration.k8s.io/MutatingAdmissionPolicy",
            "admissionregistration.k8s.io/MutatingAdmissionPolicyBinding",
            "admissionregistration.k8s.io/MutatingWebhookConfiguration",
            "admissionregistration.k8s.io/ValidatingAdmissionPolicy",
            "admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding",
            "admissionregistration.k8s.io/ValidatingWebhookConfiguration",
            "apiextensions.k8s.io/CustomResourceDefinition", "apiregistration.k8s.io/APIService",
            "certificates.k8s.io/CertificateSigningRequest", "certificates.k8s.io/ClusterTrustBundle",
            "flowcontrol.apiserver.k8s.io/FlowSchema", "flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration",
            "internal.apiserver.k8s.io/StorageVersion",
            "networking.k8s.io/IPAddress", "networking.k8s.io/IngressClass", "networking.k8s.io/ServiceCIDR",
            "node.k8s.io/RuntimeClass",
            "rbac.authorization.k8s.io/ClusterRole", "rbac.authorization.k8s.io/ClusterRoleBinding",
            "resource.k8s.io/DeviceClass", "resource.k8s.io/DeviceTaintRule", "resource.k8s.io/ResourceSlice",
            "scheduling.k8s.io/PriorityClass",
            "storage.k8s.io/CSIDriver", "storage.k8s.io/CSINode", "storage.k8s.io/VolumeAttachment",
            "storage.k8s.io/VolumeAttributesClass",
            "storagemigration.k8s.io/StorageVersionMigration");

    private static final Map<String, KindInfo> BY_KIND =
            ALL.stream().collect(Collectors.toUnmodifiableMap(KindInfo::kind, Function.identity()));
    private static final Map<Class<?>, KindInfo> BY_TYPE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(KindInfo::type, Function.identity()));

    private Kinds() {
    }

    /** Every known kind, in install order. */
    public static List<KindInfo> all() {
        return ALL;
    }

    /** The known kind of this name ({@code "Deployment"}), whatever its apiVersion. */
    public static Optional<KindInfo> lookup(String kind) {
        return Optional.ofNullable(kind == null ? null : BY_KIND.get(kind));
    }

    /**
     * The known kind of this name in the same API group as {@code apiVersion}; any version of the
     * group matches ({@code networking.k8s.io/v1beta1} Ingress is still an Ingress for scope and
     * install order), another group does not (a custom resource named {@code Service} is unknown).
     */
    public static Optional<KindInfo> lookup(String apiVersion, String kind) {
        var info = kind == null ? null : BY_KIND.get(kind);
        if (info == null || apiVersion == null || !sameGroup(apiVersion, info.apiVersion())) {
            return Optional.empty();
        }
        return Optional.of(info);
    }

    /** The known kind whose fabric8 class is exactly {@code type}. */
    public static Optional<KindInfo> of(Class<? extends HasMetadata> type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /** Install order of a kind, {@link #UNKNOWN_INSTALL_ORDER} for kinds not in the table. */
    public static int installOrder(String apiVersion, String kind) {
        return lookup(apiVersion, kind).map(KindInfo::installOrder).orElse(UNKNOWN_INSTALL_ORDER);
    }

    /**
     * Orders documents for {@code kubectl apply}: known kinds by their install order, then unknown
     * kinds; a stable sort with this comparator keeps the given order among equals.
     */
    public static Comparator<ManifestDocument> installOrder() {
        return Comparator.comparingInt(doc -> installOrder(doc.apiVersion().orElse(null), doc.kind().orElse(null)));
    }

    /**
     * Whether objects of this kind live in a namespace: the table's kinds and Kubernetes' other
     * kinds that are shipped as manifests (HorizontalPodAutoscaler, Job, Role, ClusterRole, …), by
     * API group and kind; for other kinds {@code Optional.empty()} (manifestkit cannot know a
     * custom resource's scope, nor that of a few alpha kinds and the create-only review kinds).
     */
    public static Optional<Boolean> isNamespaced(String apiVersion, String kind) {
        var known = lookup(apiVersion, kind).map(KindInfo::namespaced);
        if (known.isPresent() || apiVersion == null || kind == null) {
            return known;
        }
        var key = groupOf(apiVersion) + "/" + kind;
        return BUILT_IN_NAMESPACED.contains(key) ? Optional.of(true)
                : BUILT_IN_CLUSTER_SCOPED.contains(key) ? Optional.of(false) : Optional.empty();
    }

    /**
     * {@code groupOf(a).equals(groupOf(b))} without allocating: lookups run twice per comparison
     * when documents are sorted into install order.
     */
    private static boolean sameGroup(String a, String b) {
        int lengthA = Math.max(0, a.indexOf('/'));
        int lengthB = Math.max(0, b.indexOf('/'));
        return lengthA == lengthB && a.regionMatches(0, b, 0, lengthA);
    }

    static String groupOf(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }
}
