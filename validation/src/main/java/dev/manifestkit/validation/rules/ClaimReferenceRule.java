package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;

/**
 * A pod's persistentVolumeClaim volume names a claim of the set, or one declared as existing: a
 * pod whose claim does not exist stays Pending. A warning, since claims are often made out of
 * band; a StatefulSet's volumeClaimTemplates are not volumes and are not checked here.
 */
final class ClaimReferenceRule extends BaseRule {

    ClaimReferenceRule() {
        super("ref/claim-reference", Layer.REFERENCES, Severity.WARNING,
                "persistentVolumeClaim volumes name a PersistentVolumeClaim of the set (or one declared as existing) "
                        + "in the pod's namespace (a warning: it may be created out of band).");
    }

    @Override
    public void check(RuleContext context) {
        var pod = PodSpecs.of(context);
        if (pod == null) {
            return;
        }
        Nodes.forEachObject(pod.spec(), "volumes", pod.path(), (volume, path, i) -> {
            var name = Nodes.str(Nodes.obj(volume, "persistentVolumeClaim"), "claimName");
            if (name != null && !name.isEmpty() && References.find(context, "PersistentVolumeClaim", name) == null) {
                context.report(path.child("persistentVolumeClaim", "claimName"), ErrorType.NOT_FOUND, Nodes.quote(name),
                        "no PersistentVolumeClaim of that name " + References.where(context)
                                + "; the pod stays Pending until one exists");
            }
        });
    }
}
