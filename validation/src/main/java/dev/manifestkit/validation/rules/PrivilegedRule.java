package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.RuleContext;

/** Privileged containers have every capability of the node's root user. */
final class PrivilegedRule extends LintRule {

    PrivilegedRule() {
        super("privileged", false, "No container runs privileged.");
    }

    @Override
    void lint(RuleContext context) {
        PodSpecs.forEachContainer(context, (container, path, init) -> {
            if (Nodes.isTrue(Nodes.obj(container, "securityContext"), "privileged")) {
                context.report(path.child("securityContext", "privileged"), ErrorType.ADVICE, "true",
                        "a privileged container has full access to its node; grant specific capabilities instead");
            }
        });
    }
}
