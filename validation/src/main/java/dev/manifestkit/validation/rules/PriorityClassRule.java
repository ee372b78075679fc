package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;

/**
 * A PriorityClass as {@code ValidatePriorityClass} (scheduling) checks it on create: the
 * {@code system-} prefix belongs to the two built-in classes, with their values; other classes
 * stay at or below 1000000000; preemptionPolicy is PreemptLowerPriority or Never.
 */
final class PriorityClassRule extends BaseRule {

    private static final String SYSTEM_PREFIX = "system-";
    private static final long HIGHEST_USER_DEFINABLE = 1_000_000_000L;
    private static final String[] SYSTEM_CLASSES = {"system-cluster-critical", "system-node-critical"};
    private static final long[] SYSTEM_VALUES = {2_000_000_000L, 2_000_001_000L};
    private static final String[] PREEMPTION_POLICIES = {"Never", "PreemptLowerPriority"};

    PriorityClassRule() {
        super("api/priority-class", Layer.API, Severity.ERROR,
                "A PriorityClass named with the 'system-' prefix is one of the built-in system-cluster-critical "
                        + "(value 2000000000) and system-node-critical (2000001000), not globalDefault; any other has a "
                        + "value of at most " + HIGHEST_USER_DEFINABLE + "; preemptionPolicy is PreemptLowerPriority or "
                        + "Never.");
    }

    @Override
    public void check(RuleContext context) {
        var tree = context.tree();
        if (!Nodes.kind(tree).equals("PriorityClass")) {
            return;
        }
        var name = Nodes.name(tree);
        var value = Nodes.get(tree, "value");
        long amount = Nodes.isInt(value) ? value.longValue() : 0; // absent: 0
        if (name != null && name.startsWith(SYSTEM_PREFIX)) {
            var error = systemClassError(name, amount, Nodes.isTrue(tree, "globalDefault"));
            if (error != null) {
                context.report(FieldPath.root("metadata").child("name"), ErrorType.FORBIDDEN,
                        "priority class names with '" + SYSTEM_PREFIX + "' prefix are reserved for system use only. "
                                + "error: " + error);
            }
        } else if (amount > HIGHEST_USER_DEFINABLE) {
            context.report(FieldPath.root("value"), ErrorType.FORBIDDEN,
                    "maximum allowed value of a user defined priority is " + HIGHEST_USER_DEFINABLE);
        }
        var policy = Nodes.str(tree, "preemptionPolicy");
        if ("".equals(policy)) { // ValidatePreemptionPolicy: given, but empty (only an absent one is defaulted)
            context.report(FieldPath.root("preemptionPolicy"), ErrorType.REQUIRED, "");
        } else if (policy != null && !Nodes.oneOf(policy, PREEMPTION_POLICIES)) {
            context.report(FieldPath.root("preemptionPolicy"), ErrorType.NOT_SUPPORTED, Nodes.quote(policy),
                    Nodes.supported(PREEMPTION_POLICIES));
        }
    }

    /** IsKnownSystemPriorityClass: null when the name, value and globalDefault are a built-in class's. */
    private static String systemClassError(String name, long value, boolean globalDefault) {
        for (int i = 0; i < SYSTEM_CLASSES.length; i++) {
            if (SYSTEM_CLASSES[i].equals(name)) {
                if (SYSTEM_VALUES[i] != value) {
                    return "value of " + name + " PriorityClass must be " + SYSTEM_VALUES[i];
                }
                if (globalDefault) {
                    return "globalDefault of " + name + " PriorityClass must be false";
                }
                return null;
            }
        }
        return name + " is not a known system priority class";
    }
}
