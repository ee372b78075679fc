package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;

/**
 * A pod on the node's network has no ports of its own to map: a container port is the node's
 * port. The API server defaults an unset {@code hostPort} to the {@code containerPort} and refuses
 * any other.
 */
final class HostNetworkPortsRule extends BaseRule {

    HostNetworkPortsRule() {
        super("api/host-network-ports", Layer.API, Severity.ERROR,
                "With hostNetwork, each port's hostPort, where set, equals its containerPort.");
    }

    @Override
    public void check(RuleContext context) {
        var pod = PodSpecs.of(context);
        if (pod == null || !Nodes.isTrue(pod.spec(), "hostNetwork")) {
            return;
        }
        PodSpecs.forEachContainer(context, (container, path, init) ->
                Nodes.forEachObject(container, "ports", path, (port, portPath, i) -> {
                    var containerPort = Nodes.get(port, "containerPort");
                    var hostPort = Nodes.get(port, "hostPort");
                    if (Nodes.isInt(containerPort) && Nodes.isInt(hostPort) && hostPort.longValue() != 0
                            && hostPort.longValue() != containerPort.longValue()) {
                        context.report(portPath.child("containerPort"), ErrorType.INVALID, containerPort.toString(),
                                "must match `hostPort` when `hostNetwork` is true");
                    }
                }));
    }
}
