package dev.manifestkit.validation.rules;

import java.util.HashSet;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;

/**
 * A probe that names its port finds the number among its own container's ports. The API server
 * accepts any well-formed name; the kubelet then fails the probe on every run, so a readiness
 * probe never passes and a liveness probe restarts the container forever.
 */
final class ProbePortRule extends BaseRule {

    ProbePortRule() {
        super("ref/probe-port", Layer.REFERENCES, Severity.WARNING,
                "A probe's named port (httpGet or tcpSocket) is the name of a port of its own container.");
    }

    @Override
    public void check(RuleContext context) {
        PodSpecs.forEachContainer(context.tree(), (container, path, init) -> {
            var names = new HashSet<String>();
            Nodes.forEachObject(container, "ports", path, (port, portPath, i) -> {
                var name = Nodes.str(port, "name");
                if (name != null) {
                    names.add(name);
                }
            });
            PortFields.forEachProbePort(container, path, (port, portPath, numericOnly) -> {
                if (port.isString() && !port.asString().isEmpty() && !names.contains(port.asString())) {
                    context.report(portPath, ErrorType.NOT_FOUND, Nodes.quote(port.asString()),
                            "container " + Nodes.quote(Nodes.str(container, "name")) + " has no port of that name; "
                                    + "the kubelet fails the probe on every run");
                }
            });
        });
    }
}
