package dev.manifestkit.dsl;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSetUpdateStrategy;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDaemonSet;

/**
 * A DaemonSet ({@code apps/v1}): one pod on every node (or every node its node selector, affinity
 * and tolerations allow), for node agents such as log shippers, monitoring exporters and CNI or
 * storage plugins. It has no replicas. Selector and template labels come from one source, as for a
 * Deployment; see {@link AbstractWorkloadBuilder}.
 *
 * <p>How it changes: {@link #rollingUpdate(String)} (a node's old pod goes before its new one
 * starts), {@link #rollingUpdate(String, String)} (or the new one starts beside it first) or
 * {@link #onDelete()}. Unset, Kubernetes' default (a rolling update, one node at a time) applies
 * and nothing is written.
 */
public final class DaemonSetBuilder extends AbstractWorkloadBuilder<DaemonSetBuilder, DaemonSet,
        io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder> {

    private static final String ROLLING = "spec.updateStrategy.rollingUpdate.";

    /** {@code RollingUpdate}, {@code OnDelete}, or null for unset. */
    private String updateType;
    private IntOrString maxSurge;
    private IntOrString maxUnavailable;

    DaemonSetBuilder(String name) {
        super("DaemonSet", name);
    }

    /**
     * Updates nodes one batch at a time, taking down at most {@code maxUnavailable} pods at once, a
     * count ({@code "1"}, Kubernetes' default) or a percentage of the nodes ({@code "10%"}), above
     * 0: each node's old pod stops before its new one starts.
     */
    public DaemonSetBuilder rollingUpdate(String maxUnavailable) {
        var unavailable = intOrPercent(ROLLING + "maxUnavailable", maxUnavailable);
        if (isZero(unavailable)) {
            throw Fail.invalid(ref(), ROLLING + "maxUnavailable", maxUnavailable, "cannot be 0 when maxSurge is 0");
        }
        return rolling(null, unavailable);
    }

    /**
     * A rolling update with both bounds, exactly one of them above 0, as the API server requires:
     * {@code rollingUpdate("1", "0")} starts each node's new pod beside the old one and removes
     * the old one once the new is ready (no gap, for agents a node must never lack);
     * {@code rollingUpdate("0", "2")} is {@link #rollingUpdate(String) rollingUpdate("2")}.
     */
    public DaemonSetBuilder rollingUpdate(String maxSurge, String maxUnavailable) {
        var surge = intOrPercent(ROLLING + "maxSurge", maxSurge);
        var unavailable = intOrPercent(ROLLING + "maxUnavailable", maxUnavailable);
        if (isZero(surge) && isZero(unavailable)) {
            throw Fail.invalid(ref(), ROLLING + "maxUnavailable", maxUnavailable, "cannot be 0 when maxSurge is 0");
        }
        if (!isZero(surge) && !isZero(unavailable)) {
            throw Fail.invalid(ref(), ROLLING + "maxSurge", maxSurge, "may not be set when maxUnavailable is non-zero");
        }
        return rolling(surge, unavailable);
    }

    private DaemonSetBuilder rolling(IntOrString surge, IntOrString unavailable) {
        this.updateType = "RollingUpdate";
        this.maxSurge = surge;
        this.maxUnavailable = unavailable;
        return this;
    }

    /**
     * Leaves running pods alone when the template changes ({@code updateStrategy.type: OnDelete}):
     * a node gets the new pod only when someone deletes its old one, for agents whose upgrade a
     * person or an operator sequences node by node.
     */
    public DaemonSetBuilder onDelete() {
        this.updateType = "OnDelete";
        this.maxSurge = null;
        this.maxUnavailable = null;
        return this;
    }

    @Override
    DaemonSet assemble() {
        var spec = new DaemonSetSpec();
        spec.setSelector(selector());
        spec.setTemplate(template());
        spec.setMinReadySeconds(minReadySecondsOrNull());
        spec.setRevisionHistoryLimit(revisionHistoryLimitOrNull());
        if (updateType != null) {
            var strategy = new DaemonSetUpdateStrategy();
            strategy.setType(updateType);
            if (maxUnavailable != null) {
                var rolling = new RollingUpdateDaemonSet();
                rolling.setMaxSurge(copy(maxSurge));
                rolling.setMaxUnavailable(copy(maxUnavailable));
                strategy.setRollingUpdate(rolling);
            }
            spec.setUpdateStrategy(strategy);
        }
        var daemonSet = new DaemonSet();
        daemonSet.setSpec(spec);
        return daemonSet;
    }
}
