package dev.manifestkit.validation.rules;

import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;

/** Every container and init container has a name, and it is a DNS-1123 label. */
final class ContainerNameRule extends BaseRule {

    ContainerNameRule() {
        super("api/container-name", Layer.API, Severity.ERROR,
                "Every container and init container has a name that is a DNS-1123 label.");
    }

    @Override
    public void check(RuleContext context) {
        PodSpecs.forEachContainer(context, (container, path, init) -> {
            var name = Nodes.str(container, "name");
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
