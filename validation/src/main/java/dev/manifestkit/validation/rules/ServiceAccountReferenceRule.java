package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;

/**
 * A pod's serviceAccountName names a ServiceAccount of the set (or {@code default}, which every
 * namespace has): pods naming a missing account are rejected when created. The deprecated
 * {@code serviceAccount} counts when serviceAccountName is empty, because the API server copies it
 * there (core/v1 conversion); when both are given, serviceAccountName wins and the other is ignored.
 */
final class ServiceAccountReferenceRule extends BaseRule {

    ServiceAccountReferenceRule() {
        super("ref/service-account", Layer.REFERENCES, Severity.WARNING,
                "A pod's serviceAccountName (or the deprecated serviceAccount, when serviceAccountName is empty) is "
                        + "'default' or names a ServiceAccount of the set (or an existing one) in its namespace.");
    }

    @Override
    public void check(RuleContext context) {
        var pod = PodSpecs.of(context);
        if (pod == null) {
            return;
        }
        var field = "serviceAccountName";
        var name = Nodes.str(pod.spec(), field);
        if (name == null || name.isEmpty()) {
            field = "serviceAccount";
            name = Nodes.str(pod.spec(), field);
        }
        if (name != null && !name.isEmpty() && !name.equals("default")
                && References.find(context, "ServiceAccount", name) == null) {
            context.report(pod.path().child(field), ErrorType.NOT_FOUND, Nodes.quote(name),
                    "no ServiceAccount of that name " + References.where(context)
                            + "; pods naming a missing account are rejected");
        }
    }
}
