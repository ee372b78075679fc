package dev.manifestkit.validation.rules;

import java.util.HashSet;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.node.ObjectNode;

/**
 * Container names are unique within a pod, init containers included: the kubelet, logs and
 * {@code kubectl exec -c} address containers by name.
 */
final class UniqueContainerNamesRule extends BaseRule {

    UniqueContainerNamesRule() {
        super("api/unique-container-names", Layer.API, Severity.ERROR,
                "Container names are unique within a pod, across containers and init containers.");
    }

    @Override
    public void check(RuleContext context) {
        var pod = PodSpecs.of(context);
        if (pod == null) {
            return;
        }
        var seen = new HashSet<String>();
        // like the API server: containers first, then init containers against all of them
        PodSpecs.forEachContainer(context, (container, path, init) -> {
            if (!init) {
                check(context, seen, container, path);
            }
        });
        PodSpecs.forEachContainer(context, (container, path, init) -> {
            if (init) {
                check(context, seen, container, path);
            }
        });
    }

    private static void check(RuleContext context, HashSet<String> seen, ObjectNode container, FieldPath path) {
        var name = Nodes.str(container, "name");
        if (name != null && !name.isEmpty() && !seen.add(name)) {
            context.report(path.child("name"), ErrorType.DUPLICATE, Nodes.quote(name), "");
        }
    }
}
