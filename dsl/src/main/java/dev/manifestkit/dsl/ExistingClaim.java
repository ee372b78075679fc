package dev.manifestkit.dsl;

import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimSpec;

/**
 * A PersistentVolumeClaim created out of band (restored from a snapshot, shared by another team,
 * made by an operator), made by {@code K8s.existingClaim(name, accessModes…)}: pods mount it with
 * {@code mount(volume(claim), path)}, and it is never written ({@link #isExisting()}).
 * {@code K8s.manifests(…)} passes it on as {@code Manifests.withExisting(…)}, so the validator
 * counts the pods' references to it as satisfied and does not ask how it binds.
 *
 * <p>The access modes, when given, are what the validator's {@code lint/shared-claim} needs to
 * warn about a Deployment whose replicas share a ReadWriteOnce claim; its size and class matter to
 * no check a pod's reference makes, so they are not asked for.
 */
public final class ExistingClaim extends AbstractPersistentVolumeClaimBuilder<ExistingClaim> {

    private final List<AccessMode> accessModes = new ArrayList<>();

    ExistingClaim(String name, AccessMode... accessModes) {
        super(name, true);
        AccessMode.addTo(this.accessModes, accessModes);
    }

    /** The access modes declared for the claim, in the order given; empty when not known. */
    public List<AccessMode> accessModes() {
        return List.copyOf(accessModes);
    }

    @Override
    PersistentVolumeClaim assemble() {
        var claim = new PersistentVolumeClaim();
        if (!accessModes.isEmpty()) {
            var spec = new PersistentVolumeClaimSpec();
            spec.setAccessModes(Copies.mapped(accessModes, AccessMode::value));
            claim.setSpec(spec);
        }
        return claim;
    }
}
