package dev.manifestkit.core;

import java.util.Objects;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * What manifestkit knows about one kind it models.
 *
 * @param kind         the kind, as written in manifests ({@code Deployment})
 * @param apiVersion   the group/version manifestkit writes ({@code apps/v1})
 * @param namespaced   {@code false} for cluster-scoped kinds (Namespace, PersistentVolume, StorageClass)
 * @param type         the fabric8 class objects of this kind are read into
 * @param installOrder position in the order objects are applied: a Namespace before what lives in it,
 *                     a claim before the Pods that mount it; lower first
 */
public record KindInfo(String kind, String apiVersion, boolean namespaced, Class<? extends HasMetadata> type,
                       int installOrder) {

    /** Checks that kind, apiVersion and type are given. */
    public KindInfo {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(type, "type");
    }

    /** The API group, empty for the core group ({@code v1}). */
    public String group() {
        return Kinds.groupOf(apiVersion);
    }
}
