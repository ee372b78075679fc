package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.RuleContext;

/**
 * Containers request CPU and memory (so the scheduler places them) and limit memory (so one
 * container cannot starve a node).
 */
final class ResourcesRule extends LintRule {

    ResourcesRule() {
        super("resources", true, "Containers set cpu and memory requests and a memory limit.");
    }

    @Override
    void lint(RuleContext context) {
        PodSpecs.forEachContainer(context, (container, path, init) -> {
            var resources = Nodes.obj(container, "resources");
            var requests = Nodes.obj(resources, "requests");
            var limits = Nodes.obj(resources, "limits");
            var missing = new StringBuilder();
            if (requests == null || !requests.has("cpu")) {
                missing.append("requests.cpu");
            }
            if (requests == null || !requests.has("memory")) {
                missing.append(missing.length() > 0 ? ", " : "").append("requests.memory");
            }
            if (limits == null || !limits.has("memory")) {
                missing.append(missing.length() > 0 ? ", " : "").append("limits.memory");
            }
            if (missing.length() > 0) {
                context.report(path.child("resources"), ErrorType.ADVICE, null, "missing " + missing
                        + ": without requests the scheduler cannot place the pod well, without a memory limit one "
                        + "container can exhaust its node");
            }
        });
    }
}
