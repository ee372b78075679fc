package dev.manifestkit.validation.rules;

import java.util.HashSet;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.PortRange;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.JsonNode;

/**
 * Node ports fall in the cluster's service-node-port-range ({@link RuleContext#nodePortRange()},
 * the API server's default 30000-32767 unless the validator is given another), and one Service
 * does not use a node port twice.
 */
final class NodePortRangeRule extends BaseRule {

    NodePortRangeRule() {
        super("api/node-port-range", Layer.API, Severity.ERROR,
                "nodePort values lie in the cluster's service-node-port-range (default "
                        + PortRange.DEFAULT_NODE_PORTS + ") and are unique per protocol within a Service.");
    }

    @Override
    public void check(RuleContext context) {
        var tree = context.tree();
        if (!Nodes.kind(tree).equals("Service")) {
            return;
        }
        var range = context.nodePortRange();
        // the API server keys node ports by protocol: one port number may serve TCP and UDP
        var seen = new HashSet<String>();
        Nodes.forEachObject(Nodes.obj(tree, "spec"), "ports", FieldPath.root("spec"), (port, path, i) -> {
            var nodePort = Nodes.get(port, "nodePort");
            if (!Nodes.isInt(nodePort) || nodePort.longValue() == 0) {
                return;
            }
            long value = nodePort.longValue();
            if (!range.contains(value)) {
                context.report(path.child("nodePort"), ErrorType.INVALID, nodePort.toString(),
                        "provided port is not in the valid range. The range of valid ports is " + range);
            } else if (!seen.add(value + "/" + protocol(port))) {
                context.report(path.child("nodePort"), ErrorType.DUPLICATE, nodePort.toString(), "");
            }
        });
    }

    private static String protocol(JsonNode port) {
        var protocol = Nodes.str(port, "protocol");
        return protocol == null ? "TCP" : protocol;
    }
}
