package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;

/** A Service's selector matches the pods of some Pod or workload in its namespace. */
final class ServiceSelectsPodsRule extends BaseRule {

    ServiceSelectsPodsRule() {
        super("ref/service-selects-pods", Layer.REFERENCES, Severity.WARNING,
                "A Service with a selector selects the pod labels of at least one Pod, Deployment, StatefulSet or other "
                        + "workload in its namespace in the set.");
    }

    @Override
    public void check(RuleContext context) {
        var tree = context.tree();
        if (!Nodes.kind(tree).equals("Service")) {
            return;
        }
        var selector = Nodes.obj(tree, "spec", "selector");
        if (selector == null || selector.isEmpty()) {
            return;
        }
        if (!PodSpecs.selectedBy(context, selector).isEmpty()) {
            return;
        }
        context.report(FieldPath.root("spec").child("selector"), ErrorType.NOT_FOUND, Nodes.showMap(selector),
                "selects no pods: no Pod or workload pod template " + References.where(context)
                        + " has these labels");
    }
}
