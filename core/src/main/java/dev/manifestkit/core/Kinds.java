package dev.manifestkit.core;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
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
            new KindInfo("Ingress", "networking.k8s.io/v1", true, Ingress.class, 11));

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
     * Whether objects of this kind live in a namespace: known kinds from the table; for other
     * kinds {@code Optional.empty()} (manifestkit cannot know a custom resource's scope).
     */
    public static Optional<Boolean> isNamespaced(String apiVersion, String kind) {
        return lookup(apiVersion, kind).map(KindInfo::namespaced);
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
