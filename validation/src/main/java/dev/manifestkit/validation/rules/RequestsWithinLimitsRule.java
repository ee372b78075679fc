package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;

/** A container never requests more of a resource than its limit allows. */
final class RequestsWithinLimitsRule extends BaseRule {

    RequestsWithinLimitsRule() {
        super("api/requests-within-limits", Layer.API, Severity.ERROR,
                "A container's request for a resource is not above its limit for that resource.");
    }

    @Override
    public void check(RuleContext context) {
        PodSpecs.forEachContainer(context.tree(), (container, path, init) -> {
            var resources = Nodes.obj(container, "resources");
            var requests = Nodes.obj(resources, "requests");
            var limits = Nodes.obj(resources, "limits");
            if (requests == null || limits == null) {
                return;
            }
            for (var entry : requests.properties()) {
                var resource = entry.getKey();
                var limit = limits.get(resource);
                var request = Quantities.of(entry.getValue());
                var max = Quantities.of(limit);
                if (request != null && max != null && request.compareTo(max) > 0) {
                    context.report(path.child("resources", "requests").key(resource), ErrorType.INVALID,
                            Nodes.show(entry.getValue()), "must be less than or equal to " + resource + " limit of "
                                    + (limit.isString() ? limit.asString() : limit.toString()));
                }
            }
        });
    }
}
