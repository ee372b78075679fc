package dev.manifestkit.validation.rules;

import java.util.HashSet;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;

/**
 * Port names are unique within a container, and a host port (with its protocol and host IP) is
 * claimed by one of a pod's containers only (in a host-network Pod, a port without one claims its
 * container port: the server defaults it so). Init containers run one at a time, so the API server
 * checks each of them on its own, apart from the others and from the regular containers.
 */
final class UniquePortNamesRule extends BaseRule {

    UniquePortNamesRule() {
        super("api/unique-port-names", Layer.API, Severity.ERROR,
                "Port names are unique within each container, and each protocol/hostIP/hostPort is used once among "
                        + "the regular containers, and once within each init container.");
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
            var claimed = init ? new HashSet<String>() : hostPorts;
            Nodes.forEachObject(container, "ports", path, (port, portPath, i) -> {
                var name = Nodes.str(port, "name");
                if (name != null && !name.isEmpty() && !names.add(name)) {
                    context.report(portPath.child("name"), ErrorType.DUPLICATE, Nodes.quote(name), "");
                }
                long hostPort = PortFields.hostPort(pod, port);
                if (hostPort != 0) {
                    var protocol = Nodes.str(port, "protocol");
                    var hostIP = Nodes.str(port, "hostIP");
                    // the API server's own key: protocol/hostIP/port, the protocol defaulted
                    var key = (protocol == null || protocol.isEmpty() ? "TCP" : protocol) + "/"
                            + (hostIP == null ? "" : hostIP) + "/" + hostPort;
                    if (!claimed.add(key)) {
                        context.report(portPath.child("hostPort"), ErrorType.DUPLICATE, Nodes.quote(key), "");
                    }
                }
            });
        });
    }
}
