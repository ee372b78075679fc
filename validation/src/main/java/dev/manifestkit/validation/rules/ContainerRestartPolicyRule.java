package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.node.ObjectNode;

/**
 * A container's own restart policy. Before 1.35 only an init container sets one, and only
 * {@code Always} (a sidecar). From 1.35 (container restart rules, on by default) every container
 * may set Always, OnFailure or Never, with {@code restartPolicyRules} that restart it on chosen
 * exit codes; sidecars still take no rules.
 */
final class ContainerRestartPolicyRule extends BaseRule {

    private static final String[] POLICIES = {"Always", "Never", "OnFailure"};
    private static final int MAX_RULES = 20;
    private static final int MAX_EXIT_CODES = 255;

    ContainerRestartPolicyRule() {
        super("api/container-restart-policy", Layer.API, Severity.ERROR,
                "Before 1.35 only init containers set restartPolicy, and only Always (a sidecar). From 1.35 any "
                        + "container may set Always, OnFailure or Never; restartPolicyRules need the container's own "
                        + "restartPolicy, not a sidecar, at most " + MAX_RULES + " rules of action Restart, exit codes "
                        + "matched In or NotIn, at most " + MAX_EXIT_CODES + " of them.");
    }

    @Override
    public void check(RuleContext context) {
        boolean restartRules = context.version().atLeast(1, 35);
        PodSpecs.forEachContainer(context, (container, path, init) -> {
            var policy = Nodes.str(container, "restartPolicy");
            var policyPath = path.child("restartPolicy");
            if (policy != null) {
                if (restartRules) {
                    if (!Nodes.oneOf(policy, POLICIES)) {
                        context.report(policyPath, ErrorType.NOT_SUPPORTED, Nodes.quote(policy),
                                Nodes.supported(POLICIES));
                    }
                } else if (!init) {
                    context.report(policyPath, ErrorType.FORBIDDEN, "may not be set for non-init containers");
                } else if (!policy.equals("Always")) {
                    context.report(policyPath, ErrorType.NOT_SUPPORTED, Nodes.quote(policy), Nodes.supported("Always"));
                }
            }
            var rules = Nodes.arr(container, "restartPolicyRules");
            if (!restartRules || rules == null || rules.isEmpty()) {
                return; // before 1.35 the API server drops the field
            }
            var rulesPath = path.child("restartPolicyRules");
            if (policy == null) {
                context.report(policyPath, ErrorType.REQUIRED, "must be set when restartPolicyRules are set");
            } else if (init && policy.equals("Always")) {
                context.report(rulesPath, ErrorType.FORBIDDEN, "may not be set for restartable init containers");
            }
            if (rules.size() > MAX_RULES) {
                context.report(rulesPath, ErrorType.TOO_MANY, "must have at most " + MAX_RULES + " items");
            }
            Nodes.forEachObject(container, "restartPolicyRules", path, (rule, rulePath, i) -> {
                var action = Nodes.str(rule, "action");
                if (action != null && !action.equals("Restart")) {
                    context.report(rulePath.child("action"), ErrorType.NOT_SUPPORTED, Nodes.quote(action),
                            Nodes.supported("Restart"));
                }
                exitCodes(context, Nodes.obj(rule, "exitCodes"), rulePath.child("exitCodes"));
            });
        });
    }

    private static void exitCodes(RuleContext context, ObjectNode exitCodes, FieldPath path) {
        if (exitCodes == null) {
            return;
        }
        var operator = Nodes.str(exitCodes, "operator");
        if (operator != null && !operator.equals("In") && !operator.equals("NotIn")) {
            context.report(path.child("operator"), ErrorType.NOT_SUPPORTED, Nodes.quote(operator),
                    Nodes.supported("In", "NotIn"));
        }
        var values = Nodes.arr(exitCodes, "values");
        if (values != null && values.size() > MAX_EXIT_CODES) {
            context.report(path.child("values"), ErrorType.TOO_MANY, "must have at most " + MAX_EXIT_CODES + " items");
        }
    }
}
