package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;

/**
 * A StatefulSet's serviceName names a headless Service of the set: that Service gives its pods
 * their stable DNS names ({@code web-0.web}).
 */
final class StatefulSetServiceRule extends BaseRule {

    private static final FieldPath SERVICE_NAME = FieldPath.root("spec").child("serviceName");

    StatefulSetServiceRule() {
        super("ref/statefulset-service", Layer.REFERENCES, Severity.WARNING,
                "A StatefulSet's serviceName names a headless Service (clusterIP: None) of the set in its namespace.");
    }

    @Override
    public void check(RuleContext context) {
        var tree = context.tree();
        if (!Nodes.kind(tree).equals("StatefulSet")) {
            return;
        }
        var name = Nodes.str(Nodes.obj(tree, "spec"), "serviceName");
        if (name == null || name.isEmpty()) {
            return;
        }
        var service = References.find(context, "Service", name);
        if (service == null) {
            context.report(SERVICE_NAME, ErrorType.NOT_FOUND, Nodes.quote(name),
                    "no Service of that name " + References.where(context)
                            + "; the pods get no stable DNS names without a headless Service");
        } else if (!"None".equals(Nodes.str(Nodes.obj(service, "spec"), "clusterIP"))) {
            context.report(SERVICE_NAME, ErrorType.INVALID, Nodes.quote(name),
                    "Service " + Nodes.quote(name) + " is not headless: set its clusterIP to None");
        }
    }
}
