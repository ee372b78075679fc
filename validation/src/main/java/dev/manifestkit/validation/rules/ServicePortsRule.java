package dev.manifestkit.validation.rules;

import java.util.HashSet;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;

/**
 * A Service has ports (unless it is ExternalName or headless); with more than one port each is
 * named, names are unique, and no port/protocol pair repeats.
 */
final class ServicePortsRule extends BaseRule {

    private static final FieldPath SPEC = FieldPath.root("spec");

    ServicePortsRule() {
        super("api/service-ports", Layer.API, Severity.ERROR,
                "A Service lists ports unless it is ExternalName or headless; a multi-port Service names every port; "
                        + "port names and port/protocol pairs are unique.");
    }

    @Override
    public void check(RuleContext context) {
        var spec = Nodes.specOf(context.tree(), "Service");
        if (spec == null) {
            return;
        }
        var ports = Nodes.arr(spec, "ports");
        if (ports == null || ports.isEmpty()) {
            boolean headless = "None".equals(Nodes.str(spec, "clusterIP"));
            if (!headless && !"ExternalName".equals(Nodes.str(spec, "type"))) {
                context.report(SPEC.child("ports"), ErrorType.REQUIRED, "");
            }
            return;
        }
        boolean multi = ports.size() > 1;
        var names = new HashSet<String>();
        var keys = new HashSet<String>();
        Nodes.forEachObject(spec, "ports", SPEC, (port, path, i) -> {
            var name = Nodes.str(port, "name");
            if (name == null || name.isEmpty()) {
                if (multi) {
                    context.report(path.child("name"), ErrorType.REQUIRED, "");
                }
            } else if (!names.add(name)) {
                context.report(path.child("name"), ErrorType.DUPLICATE, Nodes.quote(name), "");
            }
            var number = Nodes.get(port, "port");
            if (Nodes.isInt(number)) {
                var protocol = Nodes.str(port, "protocol");
                var key = number.longValue() + "/" + (protocol == null ? "TCP" : protocol);
                if (!keys.add(key)) {
                    context.report(path, ErrorType.DUPLICATE, Nodes.quote(key), "");
                }
            }
        });
    }
}
