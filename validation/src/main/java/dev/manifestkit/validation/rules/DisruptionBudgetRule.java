package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;

/**
 * A PodDisruptionBudget as {@code ValidatePodDisruptionBudgetSpec} (policy) checks it on create:
 * one of minAvailable and maxUnavailable, a non-negative count or a percentage of at most 100%,
 * a valid label selector and a supported unhealthyPodEvictionPolicy.
 */
final class DisruptionBudgetRule extends BaseRule {

    private static final String[] EVICTION_POLICIES = {"AlwaysAllow", "IfHealthyBudget"};
    private static final FieldPath SPEC = FieldPath.root("spec");

    DisruptionBudgetRule() {
        super("api/disruption-budget", Layer.API, Severity.ERROR,
                "A PodDisruptionBudget sets at most one of minAvailable and maxUnavailable, each a non-negative count "
                        + "or a percentage of at most 100%; its selector's matchExpressions are valid; "
                        + "unhealthyPodEvictionPolicy is IfHealthyBudget or AlwaysAllow.");
    }

    @Override
    public void check(RuleContext context) {
        var spec = Nodes.specOf(context.tree(), "PodDisruptionBudget");
        if (spec == null) {
            return;
        }
        if (Nodes.has(spec, "minAvailable") && Nodes.has(spec, "maxUnavailable")) {
            context.report(SPEC, ErrorType.INVALID, Nodes.show(spec), "minAvailable and maxUnavailable cannot be both set");
        }
        for (var field : new String[] {"minAvailable", "maxUnavailable"}) {
            UpdateStrategyRule.intOrPercent(context, Nodes.get(spec, field), SPEC.child(field), true);
        }
        var selector = Nodes.obj(spec, "selector");
        if (selector != null) {
            Selectors.checkExpressions(context, selector, SPEC.child("selector"));
        }
        var policy = Nodes.str(spec, "unhealthyPodEvictionPolicy");
        if (policy != null && !Nodes.oneOf(policy, EVICTION_POLICIES)) {
            context.report(SPEC.child("unhealthyPodEvictionPolicy"), ErrorType.NOT_SUPPORTED, Nodes.quote(policy),
                    Nodes.supported(EVICTION_POLICIES));
        }
    }
}
