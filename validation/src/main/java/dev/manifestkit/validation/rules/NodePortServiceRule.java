package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.RuleContext;

/** In production, a NodePort Service opens a port on every node; an Ingress or LoadBalancer is the usual door. */
final class NodePortServiceRule extends LintRule {

    NodePortServiceRule() {
        super("node-port-service", true, "Services are not of type NodePort.");
    }

    @Override
    void lint(RuleContext context) {
        var tree = context.tree();
        if (Nodes.kind(tree).equals("Service") && "NodePort".equals(Nodes.str(Nodes.obj(tree, "spec"), "type"))) {
            context.report(FieldPath.root("spec").child("type"), ErrorType.ADVICE, Nodes.quote("NodePort"),
                    "opens a port on every node; expose the Service through an Ingress or a LoadBalancer");
        }
    }
}
