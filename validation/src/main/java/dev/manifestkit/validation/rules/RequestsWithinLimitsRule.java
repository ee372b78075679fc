package dev.manifestkit.validation.rules;

import dev.manifestkit.core.syntax.ResourceNames;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;

/** A container never requests more of a resource than its limit allows. */
final class RequestsWithinLimitsRule extends BaseRule {

    RequestsWithinLimitsRule() {
        super("api/requests-within-limits", Layer.API, Severity.ERROR,
                "A container's request for a resource is not above its limit for that resource; for hugepages and "
                        + "extended resources (example.com/gpu), which are never overcommitted, a limit is set and the "
                        + "request equals it.");
    }

    @Override
    public void check(RuleContext context) {
        PodSpecs.forEachContainer(context, (container, path, init) -> {
            var resources = Nodes.obj(container, "resources");
            var requests = Nodes.obj(resources, "requests");
            var limits = Nodes.obj(resources, "limits");
            if (requests == null) {
                return;
            }
            // the API server reports these on the maps, not on the entries
            var requestsPath = path.child("resources", "requests");
            for (var entry : requests.properties()) {
                var resource = entry.getKey();
                boolean overcommit = ResourceNames.allowsOvercommit(resource);
                var limit = limits == null ? null : limits.get(resource);
                if (limit == null) {
                    if (!overcommit) {
                        context.report(path.child("resources", "limits"), ErrorType.REQUIRED,
                                "Limit must be set for non overcommitable resources");
                    }
                    continue;
                }
                var request = Quantities.of(entry.getValue());
                var max = Quantities.of(limit);
                if (request == null || max == null) {
                    continue; // api/quantity's finding
                }
                if (!overcommit && request.compareTo(max) != 0) {
                    context.report(requestsPath, ErrorType.INVALID, Quantities.show(entry.getValue()),
                            "must be equal to " + resource + " limit of " + Quantities.text(limit));
                } else if (request.compareTo(max) > 0) {
                    context.report(requestsPath, ErrorType.INVALID, Quantities.show(entry.getValue()),
                            "must be less than or equal to " + resource + " limit of " + Quantities.text(limit));
                }
            }
        });
    }

}
