package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.RuleContext;

/**
 * Long-running containers have a readiness probe (no traffic before they are ready) and a
 * liveness probe (restarted when stuck). Jobs and init containers are exempt.
 */
final class ProbesRule extends LintRule {

    ProbesRule() {
        super("probes", true, "Containers of long-running workloads define readinessProbe and livenessProbe.");
    }

    @Override
    void lint(RuleContext context) {
        var pod = PodSpecs.of(context);
        if (pod == null || pod.isJob()) {
            return;
        }
        PodSpecs.forEachContainer(context, (container, path, init) -> {
            if (init) {
                return;
            }
            if (!Nodes.has(container, "readinessProbe")) {
                context.report(path.child("readinessProbe"), ErrorType.ADVICE, null,
                        "no readiness probe: traffic reaches the container before it is ready");
            }
            if (!Nodes.has(container, "livenessProbe")) {
                context.report(path.child("livenessProbe"), ErrorType.ADVICE, null,
                        "no liveness probe: a stuck container is never restarted");
            }
        });
    }
}
