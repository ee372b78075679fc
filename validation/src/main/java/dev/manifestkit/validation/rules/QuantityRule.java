package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;

/**
 * Every quantity parses and is not negative: container requests and limits, emptyDir size
 * limits, claim requests and limits, PersistentVolume capacity.
 */
final class QuantityRule extends BaseRule {

    QuantityRule() {
        super("api/quantity", Layer.API, Severity.ERROR,
                "Quantities (container requests/limits, emptyDir sizeLimit, claim requests/limits, PersistentVolume "
                        + "capacity) are well formed ('500m', '2Gi', '1e3') and not negative.");
    }

    @Override
    public void check(RuleContext context) {
        var tree = context.tree();
        var pod = PodSpecs.of(context);
        if (pod != null) {
            PodSpecs.forEachContainer(context, (container, path, init) -> {
                var resources = Nodes.obj(container, "resources");
                if (resources != null) {
                    var resourcesPath = path.child("resources");
                    Quantities.checkMap(context, Nodes.obj(resources, "requests"), resourcesPath.child("requests"));
                    Quantities.checkMap(context, Nodes.obj(resources, "limits"), resourcesPath.child("limits"));
                }
            });
            Nodes.forEachObject(pod.spec(), "volumes", pod.path(), (volume, path, i) -> Quantities.check(context,
                    Nodes.get(Nodes.obj(volume, "emptyDir"), "sizeLimit"), path.child("emptyDir", "sizeLimit")));
        }
        Quantities.forEachClaimSpec(context, (spec, path) -> {
            var resources = Nodes.obj(spec, "resources");
            Quantities.checkMap(context, Nodes.obj(resources, "requests"), path.child("resources", "requests"));
            Quantities.checkMap(context, Nodes.obj(resources, "limits"), path.child("resources", "limits"));
        });
        if (Nodes.kind(tree).equals("PersistentVolume")) {
            Quantities.checkMap(context, Nodes.obj(tree, "spec", "capacity"), FieldPath.root("spec").child("capacity"));
        }
    }
}
