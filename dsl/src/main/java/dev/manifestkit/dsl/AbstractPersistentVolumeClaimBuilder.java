package dev.manifestkit.dsl;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;

/**
 * What a pod needs of a PersistentVolumeClaim to mount it: its name. Subtypes:
 * {@link PersistentVolumeClaimBuilder}, a claim written with the rest, and {@link ExistingClaim},
 * one created out of band. {@code K8s.volume(claim)} takes this type, so the two are
 * interchangeable: {@code AbstractPersistentVolumeClaimBuilder<?> data = prod ? existingClaim(…) :
 * persistentVolumeClaim(…).readWriteOnce().request(…)}. A StatefulSet's claim templates are new
 * claims by nature and take only a {@link PersistentVolumeClaimBuilder}.
 *
 * @param <B> the concrete builder type
 */
public abstract class AbstractPersistentVolumeClaimBuilder<B extends AbstractPersistentVolumeClaimBuilder<B>>
        extends ObjectBuilder<B, PersistentVolumeClaim, io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder> {

    AbstractPersistentVolumeClaimBuilder(String name, boolean existing) {
        super("PersistentVolumeClaim", name, false, existing);
    }
}
