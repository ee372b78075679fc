package dev.manifestkit.validation.rules;

import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;

/** Every pod volume has a name, and it is a DNS-1123 label. */
final class VolumeNameRule extends BaseRule {

    VolumeNameRule() {
        super("api/volume-name", Layer.API, Severity.ERROR, "Every pod volume has a name that is a DNS-1123 label.");
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
    }
}
