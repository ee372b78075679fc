package dev.manifestkit.validation.rules;

import java.util.HashSet;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;

/**
 * Port names are unique within a container, and a host port (with its protocol) is claimed by
 * one container of a pod only.
 */
final class UniquePortNamesRule extends BaseRule {

    UniquePortNamesRule() {
        super("api/unique-port-names", Layer.API, Severity.ERROR,
                "Port names are unique within each container, and each hostPort/protocol pair is used once per pod.");
    }

    @Override
    public void check(RuleContext context) {
        var pod = PodSpecs.of(context);
        if (pod == null) {
            return;
        }
        var hostPorts = new HashSet<String>();
        PodSpecs.forEachContainer(context, (container, path, init) -> {
            var names = new HashSet<String>();
            Nodes.forEachObject(container, "ports", path, (port, portPath, i) -> {
                var name = Nodes.str(port, "name");
                if (name != null && !name.isEmpty() && !names.add(name)) {
                    context.report(portPath.child("name"), ErrorType.DUPLICATE, Nodes.quote(name), "");
                }
                var hostPort = Nodes.get(port, "hostPort");
                if (Nodes.isInt(hostPort) && hostPort.longValue() != 0) {
                    var protocol = Nodes.str(port, "protocol");
                    var key = hostPort.longValue() + "/" + (protocol == null ? "TCP" : protocol);
                    if (!hostPorts.add(key)) {
                        context.report(portPath.child("hostPort"), ErrorType.DUPLICATE, Nodes.quote(key), "");
                    }
                }
            });
        });
    }
}
