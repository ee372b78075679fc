package dev.manifestkit.validation.rules;

import java.util.HashSet;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;

/** Pod volume names are unique: mounts refer to volumes by name. */
final class UniqueVolumeNamesRule extends BaseRule {

    UniqueVolumeNamesRule() {
        super("api/unique-volume-names", Layer.API, Severity.ERROR, "Pod volume names are unique within a pod.");
    }

    @Override
    public void check(RuleContext context) {
        var pod = PodSpecs.of(context);
        if (pod == null) {
            return;
        }
        var seen = new HashSet<String>();
        Nodes.forEachObject(pod.spec(), "volumes", pod.path(), (volume, path, i) -> {
            var name = Nodes.str(volume, "name");
            if (name != null && !name.isEmpty() && !seen.add(name)) {
                context.report(path.child("name"), ErrorType.DUPLICATE, Nodes.quote(name), "");
            }
        });
    }
}
