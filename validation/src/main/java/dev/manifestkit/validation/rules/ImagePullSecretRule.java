package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.node.ObjectNode;

/**
 * imagePullSecrets of pods and ServiceAccounts name Secrets of the set or declared as existing;
 * a missing one makes private image pulls fail with ErrImagePull.
 */
final class ImagePullSecretRule extends BaseRule {

    ImagePullSecretRule() {
        super("ref/image-pull-secret", Layer.REFERENCES, Severity.WARNING,
                "imagePullSecrets of pods, workload templates and ServiceAccounts name Secrets of the set (or existing "
                        + "ones).");
    }

    @Override
    public void check(RuleContext context) {
        var tree = context.tree();
        if (Nodes.kind(tree).equals("ServiceAccount")) {
            check(context, tree, FieldPath.root());
            return;
        }
        var pod = PodSpecs.of(context);
        if (pod != null) {
            check(context, pod.spec(), pod.path());
        }
    }

    private static void check(RuleContext context, ObjectNode holder, FieldPath path) {
        Nodes.forEachObject(holder, "imagePullSecrets", path, (ref, refPath, i) -> {
            var name = Nodes.str(ref, "name");
            if (name != null && !name.isEmpty() && References.find(context, "Secret", name) == null) {
                context.report(refPath.child("name"), ErrorType.NOT_FOUND, Nodes.quote(name),
                        "no Secret of that name " + References.where(context)
                                + "; add a docker-registry Secret or declare it as existing");
            }
        });
    }
}
