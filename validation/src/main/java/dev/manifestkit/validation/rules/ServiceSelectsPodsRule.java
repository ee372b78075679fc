package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;

/**
 * A Service's selector matches the pods of some Pod or workload in its namespace. The rule judges
 * only where it can: a namespace of the set without any Pod or workload runs pods made elsewhere
 * (another set, an operator, a Helm release), so its Services are left alone; an ExternalName
 * Service is a DNS alias, and the server ignores its selector.
 */
final class ServiceSelectsPodsRule extends BaseRule {

    ServiceSelectsPodsRule() {
        super("ref/service-selects-pods", Layer.REFERENCES, Severity.WARNING,
                "A Service with a selector selects the pod labels of at least one Pod, Deployment, StatefulSet or other "
                        + "workload in its namespace in the set, when the set has any workload there (pods made "
                        + "elsewhere are not judged); ExternalName Services are exempt.");
    }

    @Override
    public void check(RuleContext context) {
        var tree = context.tree();
        if (!Nodes.kind(tree).equals("Service")) {
            return;
        }
        var spec = Nodes.obj(tree, "spec");
        var selector = Nodes.obj(spec, "selector");
        if (selector == null || selector.isEmpty() || "ExternalName".equals(Nodes.str(spec, "type"))) {
            return;
        }
        if (!PodSpecs.selectedBy(context, selector).isEmpty() || !hasWorkloads(context)) {
            return;
        }
        context.report(FieldPath.root("spec").child("selector"), ErrorType.NOT_FOUND, Nodes.showMap(selector),
                "selects no pods: no Pod or workload pod template " + References.where(context)
                        + " has these labels, so the Service has no endpoints; match the selector to the pod "
                        + "template's labels");
    }

    /** True if the set holds some Pod or workload in the Service's namespace. */
    private static boolean hasWorkloads(RuleContext context) {
        var namespace = Nodes.namespace(context.tree());
        for (var kind : PodSpecs.WORKLOADS) {
            if (!context.set().ofKind(kind, namespace).isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
