package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.node.ObjectNode;

/**
 * Annotations the API server reads on a Service and checks as it does fields
 * ({@code ValidateService}): the source ranges annotation that predates
 * {@code spec.loadBalancerSourceRanges} (used only when that field is empty, with the same
 * rules: LoadBalancer Services only, each comma-separated entry a CIDR), and the two topology
 * annotations, which must agree when both are given.
 */
final class ServiceAnnotationsRule extends BaseRule {

    static final String SOURCE_RANGES = "service.beta.kubernetes.io/load-balancer-source-ranges";
    static final String TOPOLOGY_MODE = "service.kubernetes.io/topology-mode";
    static final String TOPOLOGY_HINTS = "service.kubernetes.io/topology-aware-hints";
    private static final FieldPath ANNOTATIONS = FieldPath.root("metadata").child("annotations");

    ServiceAnnotationsRule() {
        super("api/service-annotations", Layer.API, Severity.ERROR,
                "Service annotations the API server reads: " + SOURCE_RANGES + " (when spec.loadBalancerSourceRanges "
                        + "is empty) only on LoadBalancer Services, a comma-separated list of CIDRs; " + TOPOLOGY_MODE
                        + " equal to " + TOPOLOGY_HINTS + " when both are set.");
    }

    @Override
    public void check(RuleContext context) {
        var tree = context.tree();
        if (!Nodes.kind(tree).equals("Service")) {
            return;
        }
        var annotations = Nodes.obj(tree, "metadata", "annotations");
        if (annotations == null || annotations.isEmpty()) {
            return;
        }
        var mode = Nodes.str(annotations, TOPOLOGY_MODE);
        var hints = Nodes.str(annotations, TOPOLOGY_HINTS);
        if (mode != null && hints != null && !mode.equals(hints)) {
            context.report(ANNOTATIONS.key(TOPOLOGY_MODE), ErrorType.INVALID, Nodes.quote(mode),
                    "must match annotations[" + TOPOLOGY_HINTS + "] when both are specified");
        }
        var ranges = Nodes.str(annotations, SOURCE_RANGES);
        if (ranges != null) {
            sourceRanges(context, Nodes.obj(tree, "spec"), ranges);
        }
    }

    /**
     * The annotation counts only when the field lists no range, as the cloud providers read it:
     * the API server looks at it when {@code len(loadBalancerSourceRanges) == 0}, so an empty list
     * leaves it in force.
     */
    private static void sourceRanges(RuleContext context, ObjectNode spec, String ranges) {
        var field = Nodes.get(spec, "loadBalancerSourceRanges");
        if (field != null && !field.isNull() && !(field.isArray() && field.isEmpty())) {
            return; // the field wins (and a field of the wrong type is the schema's finding)
        }
        var path = ANNOTATIONS.key(SOURCE_RANGES);
        if (!"LoadBalancer".equals(Nodes.str(spec, "type"))) {
            context.report(path, ErrorType.FORBIDDEN, "may only be used when `type` is 'LoadBalancer'");
        }
        var value = ranges.strip();
        if (value.isEmpty()) {
            return;
        }
        int start = 0;
        while (start <= value.length()) {
            int comma = value.indexOf(',', start);
            int end = comma < 0 ? value.length() : comma;
            // every entry counts, empty ones too ("10.0.0.0/8," has a second, empty entry)
            var cidr = value.substring(start, end).strip();
            var problem = IpAddresses.checkCidr(cidr);
            if (problem != null) {
                context.report(path, ErrorType.INVALID, Nodes.quote(cidr), problem);
            }
            start = end + 1;
        }
    }
}
