package dev.manifestkit.dsl;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment;

/**
 * A Deployment ({@code apps/v1}): replicas of one pod template, rolled out by a strategy.
 * Selector and template labels come from one source, and {@code minReadySeconds} and
 * {@code revisionHistoryLimit} are set as for every controller; see {@link AbstractWorkloadBuilder}.
 */
public final class DeploymentBuilder extends AbstractReplicatedBuilder<DeploymentBuilder, Deployment,
        io.fabric8.kubernetes.api.model.apps.DeploymentBuilder> {

    /** Set by rollingUpdate(…) or recreate(); copied into every Deployment built. */
    private DeploymentStrategy strategy;

    DeploymentBuilder(String name) {
        super("Deployment", name);
    }

    /**
     * Replaces pods gradually ({@code RollingUpdate}). Each bound is a count ({@code "1"}) or a
     * percentage of the replicas ({@code "25%"}); Kubernetes' defaults are 25% and 25%.
     */
    public DeploymentBuilder rollingUpdate(String maxSurge, String maxUnavailable) {
        var update = new RollingUpdateDeployment(intOrPercent("spec.strategy.rollingUpdate.maxSurge", maxSurge),
                intOrPercent("spec.strategy.rollingUpdate.maxUnavailable", maxUnavailable));
        if (isZero(update.getMaxSurge()) && isZero(update.getMaxUnavailable())) {
            throw Fail.invalid(ref(), "spec.strategy.rollingUpdate.maxUnavailable", maxUnavailable,
                    "may not be 0 when `maxSurge` is 0");
        }
        this.strategy = new DeploymentStrategy(update, "RollingUpdate");
        return this;
    }

    /** Stops all old pods before starting new ones ({@code Recreate}). */
    public DeploymentBuilder recreate() {
        this.strategy = new DeploymentStrategy(null, "Recreate");
        return this;
    }

    private static DeploymentStrategy copy(DeploymentStrategy strategy) {
        var update = strategy.getRollingUpdate();
        return new DeploymentStrategy(update == null ? null
                : new RollingUpdateDeployment(copy(update.getMaxSurge()), copy(update.getMaxUnavailable())),
                strategy.getType());
    }

    @Override
    Deployment assemble() {
        var spec = new DeploymentSpec();
        spec.setReplicas(replicasOrNull());
        spec.setSelector(selector());
        spec.setTemplate(template());
        spec.setStrategy(strategy == null ? null : copy(strategy));
        spec.setRevisionHistoryLimit(revisionHistoryLimitOrNull());
        spec.setMinReadySeconds(minReadySecondsOrNull());
        var deployment = new Deployment();
        deployment.setSpec(spec);
        return deployment;
    }
}
