package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;

/**
 * Every port number is between 1 and 65535: container and host ports, probe ports, Service
 * ports, target ports and node ports, Ingress backend ports.
 */
final class PortRangeRule extends BaseRule {

    PortRangeRule() {
        super("api/port-range", Layer.API, Severity.ERROR,
                "Port numbers are between 1 and 65535: containerPort, hostPort, probe ports, Service port, targetPort "
                        + "and nodePort, Ingress backend port numbers.");
    }

    @Override
    public void check(RuleContext context) {
        var tree = context.tree();
        PodSpecs.forEachContainer(context, (container, path, init) -> {
            Nodes.forEachObject(container, "ports", path, (port, portPath, i) -> {
                PortFields.checkNumber(context, Nodes.get(port, "containerPort"), portPath.child("containerPort"));
                var hostPort = Nodes.get(port, "hostPort");
                if (Nodes.isInt(hostPort) && hostPort.longValue() != 0) {
                    PortFields.checkNumber(context, hostPort, portPath.child("hostPort"));
                }
            });
            PortFields.forEachProbePort(container, path, (port, portPath, numericOnly) ->
                    PortFields.checkNumber(context, port, portPath));
        });
        switch (Nodes.kind(tree)) {
            case "Service" -> checkService(context);
            case "Ingress" -> checkIngress(context);
            default -> {
            }
        }
    }

    private static void checkService(RuleContext context) {
        var spec = Nodes.obj(context.tree(), "spec");
        Nodes.forEachObject(spec, "ports", FieldPath.root("spec"), (port, path, i) -> {
            PortFields.checkNumber(context, Nodes.get(port, "port"), path.child("port"));
            var target = Nodes.get(port, "targetPort");
            // 0 means "same as port" (the server defaults it)
            if (Nodes.isInt(target) && target.longValue() != 0) {
                PortFields.checkNumber(context, target, path.child("targetPort"));
            }
            var nodePort = Nodes.get(port, "nodePort");
            if (Nodes.isInt(nodePort) && nodePort.longValue() != 0) {
                PortFields.checkNumber(context, nodePort, path.child("nodePort"));
            }
        });
    }

    private static void checkIngress(RuleContext context) {
        Ingresses.forEachBackend(context.tree(), (backend, path) -> {
            var number = Nodes.get(Nodes.obj(backend, "service", "port"), "number");
            // 0 is Go's zero value, unset to the API server: api/ingress-backend reports the missing port
            if (number != null && !(Nodes.isInt(number) && number.longValue() == 0)) {
                PortFields.checkNumber(context, number, path.child("service", "port", "number"));
            }
        });
    }
}
