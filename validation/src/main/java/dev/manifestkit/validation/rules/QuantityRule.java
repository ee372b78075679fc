package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;

/**
 * Every quantity parses and is not negative: container requests and limits, the pod's overhead
 * ({@code validateOverhead} checks it as a container's limits), emptyDir size limits,
 * PersistentVolume capacity. A claim's requests and limits need only parse: the API server
 * checks its storage request alone (above zero, see StorageRequestRule) and takes the rest as given.
 */
final class QuantityRule extends BaseRule {

    QuantityRule() {
        super("api/quantity", Layer.API, Severity.ERROR,
                "Quantities (container requests/limits, pod overhead, emptyDir sizeLimit, claim requests/limits, PersistentVolume "
                        + "capacity) are well formed ('500m', '2Gi', '1e3') and, but for a claim's (whose storage "
                        + "request api/storage-request checks), not negative.");
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
            Quantities.checkMap(context, Nodes.obj(pod.spec(), "overhead"), pod.path().child("overhead"));
            Nodes.forEachObject(pod.spec(), "volumes", pod.path(), (volume, path, i) -> Quantities.check(context,
                    Nodes.get(Nodes.obj(volume, "emptyDir"), "sizeLimit"), path.child("emptyDir", "sizeLimit")));
        }
        // ValidatePersistentVolumeClaimSpec checks requests[storage] only (above zero: see
        // api/storage-request); the other amounts of a claim must decode, nothing more
        Quantities.forEachClaimSpec(context, (spec, path) -> {
            var resources = Nodes.obj(spec, "resources");
            Quantities.checkMapWellFormed(context, Nodes.obj(resources, "requests"), path.child("resources", "requests"));
            Quantities.checkMapWellFormed(context, Nodes.obj(resources, "limits"), path.child("resources", "limits"));
        });
        if (Nodes.kind(tree).equals("PersistentVolume")) {
            Quantities.checkMap(context, Nodes.obj(tree, "spec", "capacity"), FieldPath.root("spec").child("capacity"));
        }
    }
}
