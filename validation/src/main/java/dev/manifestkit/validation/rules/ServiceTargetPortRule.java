package dev.manifestkit.validation.rules;

import java.util.List;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;

/**
 * A Service port whose targetPort is a name reaches pods only through a container port of that
 * name: the API server accepts any name, and a Service whose pods declare none has no endpoints
 * on that port, without an error anywhere. Numbers need no declared port and are not checked.
 */
final class ServiceTargetPortRule extends BaseRule {

    ServiceTargetPortRule() {
        super("ref/service-target-port", Layer.REFERENCES, Severity.WARNING,
                "A Service's named targetPort is the name of a container port in the pods it selects in the set.");
    }

    @Override
    public void check(RuleContext context) {
        var spec = Nodes.specOf(context.tree(), "Service");
        var selector = Nodes.obj(spec, "selector");
        if (selector == null || selector.isEmpty()) {
            return;
        }
        List<PodSpecs.Selected> pods = null;
        var ports = Nodes.arr(spec, "ports");
        for (int i = 0; ports != null && i < ports.size(); i++) {
            var target = ports.get(i).get("targetPort");
            if (target == null || !target.isString() || target.asString().isEmpty()) {
                continue;
            }
            if (pods == null) {
                pods = PodSpecs.selectedBy(context, selector).stream().filter(selected -> selected.pod() != null).toList();
            }
            if (pods.isEmpty()) {
                return; // selects nothing in the set: ref/service-selects-pods says so
            }
            String name = target.asString();
            if (pods.stream().noneMatch(selected -> declares(selected.pod(), name))) {
                context.report(FieldPath.root("spec").child("ports").index(i).child("targetPort"), ErrorType.NOT_FOUND,
                        Nodes.quote(name), "no container port of that name in the pods this Service selects ("
                                + describe(pods) + ")");
            }
        }
    }

    private static boolean declares(PodSpecs.PodSpec pod, String portName) {
        boolean[] found = {false};
        PodSpecs.forEachContainer(pod, (container, path, init) ->
                Nodes.forEachObject(container, "ports", path, (port, portPath, i) ->
                        found[0] |= portName.equals(Nodes.str(port, "name"))));
        return found[0];
    }

    /** The selected objects, the first three by kind and name. */
    private static String describe(List<PodSpecs.Selected> pods) {
        var names = pods.stream().limit(3)
                .map(selected -> Nodes.kind(selected.object()) + "/" + Nodes.name(selected.object())).toList();
        return String.join(", ", names) + (pods.size() > 3 ? " and " + (pods.size() - 3) + " more" : "");
    }
}
