package dev.manifestkit.validation.rules;

import java.util.HashSet;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * How a container takes an in-place resize ({@code validateResizePolicy}): each entry names cpu or
 * memory, once, and whether the container restarts for it. A pod that never restarts its
 * containers cannot restart one to resize it, so there every entry must be NotRequired. From 1.33
 * (in-place resize, on by default; before, the API server drops the field), for init containers
 * as for the others; from 1.36 an init container that is no sidecar may not ask for RestartContainer
 * (it is never resized in place).
 */
final class ResizePolicyRule extends BaseRule {

    private static final String[] RESOURCES = {"cpu", "memory"};
    private static final String[] POLICIES = {"NotRequired", "RestartContainer"};
    private static final String[] CONTAINER_LISTS = {"initContainers", "containers"};

    ResizePolicyRule() {
        super("api/resize-policy", Layer.API, Severity.ERROR,
                "A container's resizePolicy (from 1.33) names cpu or memory, each at most once, with restartPolicy "
                        + "NotRequired or RestartContainer; in a pod whose restartPolicy is Never, NotRequired only; "
                        + "from 1.36, NotRequired only in an init container that is not a sidecar.");
    }

    @Override
    public void check(RuleContext context) {
        var pod = PodSpecs.of(context);
        if (pod == null || !context.version().atLeast(1, 33)) {
            return;
        }
        boolean never = "Never".equals(Nodes.str(pod.spec(), "restartPolicy"));
        // walked without a visitor: most containers set no resizePolicy, and pay nothing for it
        for (var field : CONTAINER_LISTS) {
            ArrayNode containers = Nodes.arr(pod.spec(), field);
            for (int c = 0; containers != null && c < containers.size(); c++) {
                ArrayNode policies = Nodes.arr(containers.get(c), "resizePolicy");
                if (policies != null && !policies.isEmpty()) {
                    // a container with its own restartPolicy (1.35) may restart where its pod does not: not judged
                    boolean neverRestarts = never && !Nodes.has(containers.get(c), "restartPolicy");
                    // from 1.36 an init container that is no sidecar is never resized, so never restarted for it
                    boolean plainInit = field.equals("initContainers") && context.version().atLeast(1, 36)
                            && !"Always".equals(Nodes.str(containers.get(c), "restartPolicy"));
                    check(context, policies, pod.path().child(field).index(c).child("resizePolicy"), neverRestarts,
                            plainInit);
                }
            }
        }
    }

    private static void check(RuleContext context, ArrayNode policies, FieldPath listPath, boolean neverRestarts,
                              boolean plainInit) {
        var seen = new HashSet<String>();
        for (int i = 0; i < policies.size(); i++) {
            JsonNode entry = policies.get(i);
            var resource = Nodes.str(entry, "resourceName");
            var policy = Nodes.str(entry, "restartPolicy");
            if (resource != null && !seen.add(resource)) {
                context.report(listPath.index(i), ErrorType.DUPLICATE, Nodes.quote(resource), "");
            }
            // an absent field is the schema's finding; an empty one the API server calls required
            if ("".equals(resource)) {
                context.report(listPath, ErrorType.REQUIRED, "");
            } else if (resource != null && !Nodes.oneOf(resource, RESOURCES)) {
                context.report(listPath, ErrorType.NOT_SUPPORTED, Nodes.quote(resource), Nodes.supported(RESOURCES));
            }
            if ("".equals(policy)) {
                context.report(listPath, ErrorType.REQUIRED, "");
            } else if (policy != null && !Nodes.oneOf(policy, POLICIES)) {
                context.report(listPath, ErrorType.NOT_SUPPORTED, Nodes.quote(policy), Nodes.supported(POLICIES));
            }
            if (neverRestarts && policy != null && !policy.equals("NotRequired")) {
                context.report(listPath, ErrorType.INVALID, Nodes.quote(policy),
                        "must be 'NotRequired' when `restartPolicy` is 'Never'");
            } else if (plainInit && "RestartContainer".equals(policy)) {
                context.report(listPath.index(i).child("restartPolicy"), ErrorType.INVALID, Nodes.quote(policy),
                        "must be 'NotRequired' for an init container whose `restartPolicy` is not 'Always'");
            }
        }
    }
}
