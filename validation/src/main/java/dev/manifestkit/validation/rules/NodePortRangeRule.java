package dev.manifestkit.validation.rules;

import java.util.HashSet;

import dev.manifestkit.core.syntax.Ports;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;

/**
 * Node ports fall in the API server's default service-node-port-range, 30000–32767, and one
 * Service does not use a node port twice. A cluster started with another range needs this rule
 * turned down or off.
 */
final class NodePortRangeRule extends BaseRule {

    static final int MIN = Ports.DEFAULT_NODE_PORT_MIN;
    static final int MAX = Ports.DEFAULT_NODE_PORT_MAX;

    NodePortRangeRule() {
        super("api/node-port-range", Layer.API, Severity.ERROR,
                "nodePort values lie in the default service-node-port-range " + MIN + "-" + MAX
                        + " and are unique within a Service.");
    }

    @Override
    public void check(RuleContext context) {
        var tree = context.tree();
        if (!Nodes.kind(tree).equals("Service")) {
            return;
        }
        var seen = new HashSet<Long>();
        Nodes.forEachObject(Nodes.obj(tree, "spec"), "ports", FieldPath.root("spec"), (port, path, i) -> {
            var nodePort = Nodes.get(port, "nodePort");
            if (!Nodes.isInt(nodePort) || nodePort.longValue() == 0) {
                return;
            }
            long value = nodePort.longValue();
            if (value < MIN || value > MAX) {
                context.report(path.child("nodePort"), ErrorType.INVALID, nodePort.toString(),
                        "provided port is not in the valid range. The range of valid ports is " + MIN + "-" + MAX);
            } else if (!seen.add(value)) {
                context.report(path.child("nodePort"), ErrorType.DUPLICATE, nodePort.toString(), "");
            }
        });
    }
}
