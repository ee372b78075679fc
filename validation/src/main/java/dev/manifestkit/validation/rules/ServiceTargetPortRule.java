package dev.manifestkit.validation.rules;

import java.util.ArrayList;
import java.util.List;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.node.ObjectNode;

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
        List<Selected> pods = null;
        var ports = Nodes.arr(spec, "ports");
        for (int i = 0; ports != null && i < ports.size(); i++) {
            var target = ports.get(i).get("targetPort");
            if (target == null || !target.isString() || target.asString().isEmpty()) {
                continue;
            }
            if (pods == null) {
                pods = selectedPods(context, selector);
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

    /** A Pod or workload the Service selects, and its pod spec. */
    private record Selected(String object, PodSpecs.PodSpec pod) {
    }

    private static List<Selected> selectedPods(RuleContext context, ObjectNode selector) {
        var namespace = Nodes.namespace(context.tree());
        var pods = new ArrayList<Selected>();
        for (var kind : PodSpecs.WORKLOADS) {
            for (var doc : context.set().ofKind(kind, namespace)) {
                var pod = PodSpecs.of(doc.tree());
                if (pod != null && pod.labels() != null && Selectors.mapMatches(selector, pod.labels())) {
                    pods.add(new Selected(kind + "/" + Nodes.name(doc.tree()), pod));
                }
            }
        }
        return pods;
    }

    private static boolean declares(PodSpecs.PodSpec pod, String portName) {
        boolean[] found = {false};
        PodSpecs.forEachContainer(pod, (container, path, init) ->
                Nodes.forEachObject(container, "ports", path, (port, portPath, i) ->
                        found[0] |= portName.equals(Nodes.str(port, "name"))));
        return found[0];
    }

    /** The selected objects, the first three by name. */
    private static String describe(List<Selected> pods) {
        var names = pods.stream().limit(3).map(Selected::object).toList();
        return String.join(", ", names) + (pods.size() > 3 ? " and " + (pods.size() - 3) + " more" : "");
    }
}
