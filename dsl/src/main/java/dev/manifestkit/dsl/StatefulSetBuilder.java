package dev.manifestkit.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateStatefulSetStrategy;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetPersistentVolumeClaimRetentionPolicy;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSetUpdateStrategy;

/**
 * A StatefulSet ({@code apps/v1}): pods with stable names and storage, governed by a headless
 * Service. Each {@link #volumeClaimTemplate(PersistentVolumeClaimBuilder) claim template} gives
 * every pod its own claim; containers mount it with {@code mount(volume(template), path)}, and the
 * pod does not declare that volume itself.
 *
 * <p>How it changes: {@link #rollingUpdate(int) rollingUpdate(partition)} (a canary: only pods
 * from that ordinal up are updated) or {@link #onDelete()}; {@link #podManagementPolicy} (pods one
 * by one, or all at once); and what becomes of the claims when the set is deleted or scaled down
 * ({@link #claimsWhenDeleted}, {@link #claimsWhenScaled}); {@code minReadySeconds} and
 * {@code revisionHistoryLimit} as for every controller. Unset, each is Kubernetes' default and is
 * not written.
 */
public final class StatefulSetBuilder extends AbstractReplicatedBuilder<StatefulSetBuilder, StatefulSet,
        io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder> {

    private HeadlessServiceBuilder service;
    private final List<PersistentVolumeClaimBuilder> claimTemplates = new ArrayList<>();
    /** {@code RollingUpdate}, {@code OnDelete}, or null for unset. */
    private String updateType;
    private Integer partition;
    private IntOrString maxUnavailable;
    private PodManagementPolicy podManagementPolicy;
    private ClaimRetentionPolicy whenDeleted;
    private ClaimRetentionPolicy whenScaled;

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

    /**
     * Updates pods one at a time from the highest ordinal down, but only those whose ordinal is at
     * least {@code partition} ({@code updateStrategy.rollingUpdate.partition}): the rest keep the
     * old template, which makes a canary or a staged rollout. {@code 0} updates every pod.
     */
    public StatefulSetBuilder rollingUpdate(int partition) {
        this.partition = checkPartition(partition);
        this.maxUnavailable = null;
        this.updateType = "RollingUpdate";
        return this;
    }

    /**
     * A partitioned rolling update ({@link #rollingUpdate(int)}) that takes down up to
     * {@code maxUnavailable} pods at once, a count ({@code "2"}) or a percentage of the replicas
     * ({@code "25%"}), above 0, instead of one: faster rollouts for members that tolerate it.
     * Honoured from Kubernetes 1.35 (the MaxUnavailableStatefulSet feature, on by default there);
     * older API servers drop the field and update one pod at a time.
     */
    public StatefulSetBuilder rollingUpdate(int partition, String maxUnavailable) {
        var path = "spec.updateStrategy.rollingUpdate.maxUnavailable";
        var checkedPartition = checkPartition(partition);
        var unavailable = intOrPercent(path, maxUnavailable);
        if (isZero(unavailable)) {
            throw Fail.invalid(ref(), path, maxUnavailable, "cannot be 0");
        }
        this.partition = checkedPartition;
        this.maxUnavailable = unavailable;
        this.updateType = "RollingUpdate";
        return this;
    }

    private int checkPartition(int partition) {
        return Fail.nonNegative(ref(), "spec.updateStrategy.rollingUpdate.partition", partition);
    }

    /**
     * Leaves running pods alone when the template changes ({@code updateStrategy.type: OnDelete}):
     * a pod gets the new template only when someone deletes it, for upgrades an operator or a
     * person sequences by hand.
     */
    public StatefulSetBuilder onDelete() {
        this.updateType = "OnDelete";
        this.partition = null;
        this.maxUnavailable = null;
        return this;
    }

    /**
     * Whether pods start and stop one by one in ordinal order ({@code ORDERED_READY}, Kubernetes'
     * default) or all at once ({@code PARALLEL}) ({@code spec.podManagementPolicy}).
     */
    public StatefulSetBuilder podManagementPolicy(PodManagementPolicy policy) {
        this.podManagementPolicy = Fail.notNull(policy, ref(), "spec.podManagementPolicy");
        return this;
    }

    /**
     * What becomes of the claims made from the claim templates when the StatefulSet is deleted
     * ({@code spec.persistentVolumeClaimRetentionPolicy.whenDeleted}); Kubernetes keeps them
     * ({@code RETAIN}) unless told {@code DELETE}.
     */
    public StatefulSetBuilder claimsWhenDeleted(ClaimRetentionPolicy policy) {
        this.whenDeleted = Fail.notNull(policy, ref(), "spec.persistentVolumeClaimRetentionPolicy.whenDeleted");
        return this;
    }

    /**
     * What becomes of the claims of the pods removed when the StatefulSet is scaled down
     * ({@code spec.persistentVolumeClaimRetentionPolicy.whenScaled}); Kubernetes keeps them
     * ({@code RETAIN}), ready for a scale-up, unless told {@code DELETE}.
     */
    public StatefulSetBuilder claimsWhenScaled(ClaimRetentionPolicy policy) {
        this.whenScaled = Fail.notNull(policy, ref(), "spec.persistentVolumeClaimRetentionPolicy.whenScaled");
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
        spec.setMinReadySeconds(minReadySecondsOrNull());
        spec.setRevisionHistoryLimit(revisionHistoryLimitOrNull());
        spec.setPodManagementPolicy(podManagementPolicy == null ? null : podManagementPolicy.value());
        if (updateType != null) {
            var strategy = new StatefulSetUpdateStrategy();
            strategy.setType(updateType);
            if (partition != null) {
                var rolling = new RollingUpdateStatefulSetStrategy();
                rolling.setPartition(partition);
                rolling.setMaxUnavailable(copy(maxUnavailable));
                strategy.setRollingUpdate(rolling);
            }
            spec.setUpdateStrategy(strategy);
        }
        if (whenDeleted != null || whenScaled != null) {
            var retention = new StatefulSetPersistentVolumeClaimRetentionPolicy();
            retention.setWhenDeleted(whenDeleted == null ? null : whenDeleted.value());
            retention.setWhenScaled(whenScaled == null ? null : whenScaled.value());
            spec.setPersistentVolumeClaimRetentionPolicy(retention);
        }
        var set = new StatefulSet();
        set.setSpec(spec);
        return set;
    }
}
