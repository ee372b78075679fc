package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.RuleContext;
import tools.jackson.databind.node.ObjectNode;

/**
 * In production, a one-replica Deployment is down during every rollout glitch and node drain. A
 * Deployment that a HorizontalPodAutoscaler of the set scales is judged by the autoscaler's
 * minReplicas (default 1), not by its own replicas, which the autoscaler overrides and which is
 * usually left unset for that reason.
 */
final class SingleReplicaRule extends LintRule {

    private static final FieldPath REPLICAS = FieldPath.root("spec").child("replicas");

    SingleReplicaRule() {
        super("single-replica", true, "Deployments run more than one replica; one that a HorizontalPodAutoscaler of the "
                + "set scales, at least two as its minReplicas.");
    }

    @Override
    void lint(RuleContext context) {
        var tree = context.tree();
        if (!Nodes.kind(tree).equals("Deployment")) {
            return;
        }
        var autoscaler = autoscalerOf(context, tree);
        if (autoscaler != null) {
            var min = Nodes.get(Nodes.obj(autoscaler, "spec"), "minReplicas");
            if (min == null || min.isNull() || Nodes.isInt(min) && min.longValue() == 1) {
                var autoscalerName = Nodes.name(autoscaler); // null for one named by generateName
                context.report(REPLICAS, ErrorType.ADVICE, null, (autoscalerName == null ? "a HorizontalPodAutoscaler"
                        : "HorizontalPodAutoscaler " + Nodes.quote(autoscalerName))
                        + " may scale it down to a single replica, which is "
                        + "unavailable whenever its node is drained or its pod restarts; set its minReplicas to at "
                        + "least 2");
            }
            return;
        }
        var replicas = Nodes.get(Nodes.obj(tree, "spec"), "replicas");
        if (replicas != null && replicas.isNull()) {
            replicas = null; // defaulted as if absent
        }
        if (replicas == null || (Nodes.isInt(replicas) && replicas.longValue() == 1)) {
            context.report(REPLICAS, ErrorType.ADVICE,
                    replicas == null ? null : "1",
                    (replicas == null ? "unset, so 1: " : "") + "a single replica is unavailable whenever its node is "
                            + "drained or its pod restarts; run at least 2");
        }
    }

    /** The HorizontalPodAutoscaler of the set (in the Deployment's namespace) that scales it, or null. */
    private static ObjectNode autoscalerOf(RuleContext context, ObjectNode deployment) {
        var name = Nodes.name(deployment);
        if (name == null) {
            return null; // a Deployment named by generateName: no autoscaler can name it in advance
        }
        for (var doc : context.set().ofKind("HorizontalPodAutoscaler", Nodes.namespace(deployment))) {
            var target = Nodes.obj(doc.tree(), "spec", "scaleTargetRef");
            var apiVersion = Nodes.str(target, "apiVersion");
            if ("Deployment".equals(Nodes.str(target, "kind")) && name.equals(Nodes.str(target, "name"))
                    && (apiVersion == null || apiVersion.startsWith("apps/") || apiVersion.startsWith("extensions/"))) {
                return doc.tree();
            }
        }
        return null;
    }
}
