package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.RuleContext;

/** In production, a one-replica Deployment is down during every rollout glitch and node drain. */
final class SingleReplicaRule extends LintRule {

    SingleReplicaRule() {
        super("single-replica", true, "Deployments run more than one replica.");
    }

    @Override
    void lint(RuleContext context) {
        var tree = context.tree();
        if (!Nodes.kind(tree).equals("Deployment")) {
            return;
        }
        var replicas = Nodes.get(Nodes.obj(tree, "spec"), "replicas");
        if (replicas != null && replicas.isNull()) {
            replicas = null; // defaulted as if absent
        }
        if (replicas == null || (Nodes.isInt(replicas) && replicas.longValue() == 1)) {
            context.report(FieldPath.root("spec").child("replicas"), ErrorType.ADVICE,
                    replicas == null ? null : "1",
                    (replicas == null ? "unset, so 1: " : "") + "a single replica is unavailable whenever its node is "
                            + "drained or its pod restarts; run at least 2");
        }
    }
}
