package dev.manifestkit.validation.rules;

import java.util.ArrayList;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.RuleContext;
import tools.jackson.databind.node.ObjectNode;

/**
 * Containers request CPU and memory (so the scheduler places them) and limit memory (so one
 * container cannot starve a node). A limit without a request counts as the request: the API
 * server defaults each missing request to its limit, so {@code limits: {cpu: 1, memory: 1Gi}}
 * alone is complete.
 */
final class ResourcesRule extends LintRule {

    ResourcesRule() {
        super("resources", true, "Containers set cpu and memory requests and a memory limit (a limit alone also sets "
                + "the request, as the API server defaults it).");
    }

    @Override
    void lint(RuleContext context) {
        PodSpecs.forEachContainer(context, (container, path, init) -> {
            var resources = Nodes.obj(container, "resources");
            var requests = Nodes.obj(resources, "requests");
            var limits = Nodes.obj(resources, "limits");
            var missing = new ArrayList<String>(3);
            if (!requested(requests, limits, "cpu")) {
                missing.add("requests.cpu");
            }
            if (!requested(requests, limits, "memory")) {
                missing.add("requests.memory");
            }
            boolean noLimit = limits == null || !limits.has("memory");
            if (noLimit) {
                missing.add("limits.memory");
            }
            if (missing.isEmpty()) {
                return;
            }
            var why = new ArrayList<String>(2);
            if (missing.size() > 1 || !noLimit) {
                why.add("without requests the scheduler reserves nothing for the container");
            }
            if (noLimit) {
                why.add("without a memory limit it can use up its node's memory");
            }
            context.report(path.child("resources"), ErrorType.ADVICE, null, "missing " + String.join(", ", missing)
                    + ": " + String.join(" and ", why) + "; set " + (missing.size() > 1 ? "them" : "it"));
        });
    }

    /** True if the container requests the resource, itself or through a limit the request defaults to. */
    private static boolean requested(ObjectNode requests, ObjectNode limits, String resource) {
        return requests != null && requests.has(resource) || limits != null && limits.has(resource);
    }
}
