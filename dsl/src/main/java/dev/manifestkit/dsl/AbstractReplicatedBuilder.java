package dev.manifestkit.dsl;

import io.fabric8.kubernetes.api.builder.Editable;
import io.fabric8.kubernetes.api.builder.VisitableBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * A workload with a number of replicas (Deployment, StatefulSet), unlike a DaemonSet, which runs
 * one pod per node and so has no {@code replicas} to set.
 *
 * @param <B> the concrete builder type
 * @param <T> the fabric8 object built
 * @param <F> the fabric8 builder of {@code T}
 */
public abstract class AbstractReplicatedBuilder<B extends AbstractReplicatedBuilder<B, T, F>,
        T extends HasMetadata & Editable<F>, F extends VisitableBuilder<T, F>>
        extends AbstractWorkloadBuilder<B, T, F> {

    private Integer replicas;

    AbstractReplicatedBuilder(String kind, String name) {
        super(kind, name);
    }

    /** The number of pods ({@code spec.replicas}); Kubernetes' default is 1. */
    public final B replicas(int replicas) {
        this.replicas = Fail.nonNegative(ref(), "spec.replicas", replicas);
        return self();
    }

    final Integer replicasOrNull() {
        return replicas;
    }
}
