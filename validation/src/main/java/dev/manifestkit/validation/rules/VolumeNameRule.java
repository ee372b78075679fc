package dev.manifestkit.validation.rules;

import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;

/**
 * Every pod volume has a name, and it is a DNS-1123 label. From 1.34 a StatefulSet's claim
 * templates are volumes of its pod template too (volumesToAddForTemplates), so their names are
 * judged as volume names.
 */
final class VolumeNameRule extends BaseRule {

    VolumeNameRule() {
        super("api/volume-name", Layer.API, Severity.ERROR, "Every pod volume has a name that is a DNS-1123 label; "
                + "from 1.34 so has every StatefulSet claim template, a volume of the pod template.");
    }

    @Override
    public void check(RuleContext context) {
        var pod = PodSpecs.of(context);
        if (pod == null) {
            return;
        }
        Nodes.forEachObject(pod.spec(), "volumes", pod.path(), (volume, path, i) -> {
            var name = Nodes.str(volume, "name");
            if (name == null) {
                return; // absent: the schema layer reports it
            }
            if (name.isEmpty()) {
                context.report(path.child("name"), ErrorType.REQUIRED, "");
                return;
            }
            for (var msg : Names.dns1123Label(name)) {
                context.report(path.child("name"), ErrorType.INVALID, Nodes.quote(name), msg);
            }
        });
        if (pod.kind().equals("StatefulSet") && context.version().atLeast(1, 34)) {
            // the server names the merged volume list's entry; its order follows a Go map, so the claim template is named
            Nodes.forEachObject(Nodes.obj(context.tree(), "spec"), "volumeClaimTemplates", FieldPath.root("spec"),
                    (claim, path, i) -> {
                        var name = Nodes.str(Nodes.obj(claim, "metadata"), "name");
                        if (name == null || name.isEmpty()) {
                            return; // no name at all: the claim template's own problem
                        }
                        for (var msg : Names.dns1123Label(name)) {
                            context.report(path.child("metadata", "name"), ErrorType.INVALID, Nodes.quote(name),
                                    msg + " (it names the pod template's volume for the claim template)");
                        }
                    });
        }
    }
}
