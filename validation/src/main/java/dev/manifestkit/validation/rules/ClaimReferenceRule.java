package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.node.ArrayNode;

/**
 * A pod's persistentVolumeClaim volume names a claim of the set, or one declared as existing: a
 * pod whose claim does not exist stays Pending. A warning, since claims are often made out of
 * band. A StatefulSet's volumeClaimTemplates are not volumes and are not checked here; its
 * controller gives each pod its own claim in place of a template volume of the same name, so the
 * claim such a volume names is never used and not looked for.
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
        var claimTemplates = Nodes.arr(Nodes.specOf(context.tree(), "StatefulSet"), "volumeClaimTemplates");
        Nodes.forEachObject(pod.spec(), "volumes", pod.path(), (volume, path, i) -> {
            var name = Nodes.str(Nodes.obj(volume, "persistentVolumeClaim"), "claimName");
            if (name != null && !name.isEmpty() && !replacedByClaimTemplate(claimTemplates, Nodes.str(volume, "name"))
                    && References.find(context, "PersistentVolumeClaim", name) == null) {
                context.report(path.child("persistentVolumeClaim", "claimName"), ErrorType.NOT_FOUND, Nodes.quote(name),
                        "no PersistentVolumeClaim of that name " + References.where(context)
                                + "; the pod stays Pending until one exists");
            }
        });
    }

    /** True if a StatefulSet claim template of this name takes the volume's place in every pod. */
    private static boolean replacedByClaimTemplate(ArrayNode claimTemplates, String volume) {
        for (int i = 0; claimTemplates != null && volume != null && i < claimTemplates.size(); i++) {
            if (volume.equals(Nodes.str(Nodes.obj(claimTemplates.get(i), "metadata"), "name"))) {
                return true;
            }
        }
        return false;
    }
}
