package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.node.ObjectNode;

/**
 * A probe that names its port finds the number among its own container's ports. The API server
 * accepts any well-formed name; the kubelet then fails the probe on every run, so a readiness
 * probe never passes and a liveness probe restarts the container forever.
 */
final class ProbePortRule extends BaseRule {

    ProbePortRule() {
        super("ref/probe-port", Layer.REFERENCES, Severity.ERROR,
                "A probe's named port (httpGet or tcpSocket) is the name of a port of its own container (an error: "
                        + "the kubelet resolves the name there only, so the probe fails on every run).");
    }

    @Override
    public void check(RuleContext context) {
        PodSpecs.forEachContainer(context, (container, path, init) ->
                PortFields.forEachProbePort(container, path, (port, portPath, numericOnly) -> {
                    if (port.isString() && !port.asString().isEmpty() && !declares(container, port.asString())) {
                        var name = Nodes.str(container, "name"); // not a string: the schema layer's finding
                        context.report(portPath, ErrorType.NOT_FOUND, Nodes.quote(port.asString()),
                                (name == null ? "its container" : "container " + Nodes.quote(name))
                                        + " has no port of that name; the kubelet fails the probe on every run");
                    }
                }));
    }

    private static boolean declares(ObjectNode container, String portName) {
        var ports = Nodes.arr(container, "ports");
        for (int i = 0; ports != null && i < ports.size(); i++) {
            if (portName.equals(Nodes.str(ports.get(i), "name"))) {
                return true;
            }
        }
        return false;
    }
}
