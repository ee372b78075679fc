package dev.manifestkit.validation.rules;

import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.JsonNode;

/**
 * Port names: a container port name, and any port named by a probe or a Service's targetPort,
 * is an IANA service name (at most 15 characters, at least one letter); a Service port name is a
 * DNS-1123 label.
 */
final class PortNameRule extends BaseRule {

    PortNameRule() {
        super("api/port-name", Layer.API, Severity.ERROR,
                "Container port names, and ports named by probes and Service targetPorts, are IANA service names "
                        + "(at most 15 lower-case alphanumerics and '-', at least one letter); Service port names are "
                        + "DNS-1123 labels and their appProtocol is a qualified name (http, kubernetes.io/h2c).");
    }

    @Override
    public void check(RuleContext context) {
        var tree = context.tree();
        PodSpecs.forEachContainer(context, (container, path, init) -> {
            Nodes.forEachObject(container, "ports", path, (port, portPath, i) -> {
                var name = Nodes.str(port, "name");
                if (name != null) {
                    iana(context, name, portPath.child("name"));
                }
            });
            PortFields.forEachProbePort(container, path, (port, portPath, numericOnly) -> {
                if (port.isString()) {
                    if (numericOnly) {
                        context.report(portPath, ErrorType.INVALID, Nodes.show(port), "must be a port number");
                    } else {
                        namedPort(context, port, portPath);
                    }
                }
            });
        });
        if (Nodes.kind(tree).equals("Service")) {
            Nodes.forEachObject(Nodes.obj(tree, "spec"), "ports", FieldPath.root("spec"), (port, path, i) -> {
                var name = Nodes.str(port, "name");
                if (name != null && !name.isEmpty()) {
                    for (var msg : Names.dns1123Label(name)) {
                        context.report(path.child("name"), ErrorType.INVALID, Nodes.quote(name), msg);
                    }
                }
                var target = Nodes.get(port, "targetPort");
                // an empty targetPort is defaulted to the port itself
                if (target != null && target.isString() && !target.asString().isEmpty()) {
                    namedPort(context, target, path.child("targetPort"));
                }
                var appProtocol = Nodes.str(port, "appProtocol");
                if (appProtocol != null) {
                    for (var msg : Names.qualifiedName(appProtocol)) {
                        context.report(path.child("appProtocol"), ErrorType.INVALID, Nodes.quote(appProtocol), msg);
                    }
                }
            });
        }
    }

    private static void namedPort(RuleContext context, JsonNode port, FieldPath path) {
        iana(context, port.asString(), path);
    }

    private static void iana(RuleContext context, String name, FieldPath path) {
        for (var msg : Names.ianaServiceName(name)) {
            context.report(path, ErrorType.INVALID, Nodes.quote(name), msg);
        }
    }
}
