package dev.manifestkit.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;

/**
 * A StatefulSet ({@code apps/v1}): pods with stable names and storage, governed by a headless
 * Service. Each {@link #volumeClaimTemplate(PersistentVolumeClaimBuilder) claim template} gives
 * every pod its own claim; containers mount it with {@code mount(volume(template), path)}, and the
 * pod does not declare that volume itself.
 */
public final class StatefulSetBuilder extends AbstractWorkloadBuilder<StatefulSetBuilder, StatefulSet,
        io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder> {

    private HeadlessServiceBuilder service;
    private final List<PersistentVolumeClaimBuilder> claimTemplates = new ArrayList<>();

    StatefulSetBuilder(String name) {
        super("StatefulSet", name);
    }

    /** The headless Service that gives the pods their DNS names ({@code spec.serviceName}). */
    public StatefulSetBuilder serviceName(HeadlessServiceBuilder service) {
        this.service = Objects.requireNonNull(service, "service");
        return this;
    }

    /** Gives every pod its own claim made from this template ({@code spec.volumeClaimTemplates}). */
    public StatefulSetBuilder volumeClaimTemplate(PersistentVolumeClaimBuilder claim) {
        Objects.requireNonNull(claim, "claim");
        if (claimTemplates.stream().anyMatch(c -> c.name().equals(claim.name()))) {
            throw Fail.duplicate(ref(), "spec.volumeClaimTemplates[" + claimTemplates.size() + "].metadata.name",
                    claim.name());
        }
        claimTemplates.add(claim);
        return this;
    }

    @Override
    boolean suppliedOutsidePod(PodVolume volume) {
        return claimTemplates.stream().anyMatch(c -> K8s.volume(c).equals(volume));
    }

    @Override
    StatefulSet assemble() {
        var spec = new StatefulSetSpec();
        spec.setReplicas(replicasOrNull());
        spec.setSelector(selector());
        spec.setTemplate(template());
        spec.setServiceName(service == null ? null : service.name());
        spec.setVolumeClaimTemplates(claimTemplates.isEmpty() ? null
                : Copies.mapped(claimTemplates, PersistentVolumeClaimBuilder::build));
        var set = new StatefulSet();
        set.setSpec(spec);
        return set;
    }
}
