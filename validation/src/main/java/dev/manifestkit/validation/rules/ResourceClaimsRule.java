package dev.manifestkit.validation.rules;

import java.util.ArrayList;
import java.util.List;

import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Dynamic resource allocation (on by default from 1.34; before, the API server drops these
 * fields): a pod lists the ResourceClaims it uses under {@code spec.resourceClaims}, each by a
 * unique name and by exactly one of an existing claim or a template to make one from
 * ({@code validatePodResourceClaim}); a container's {@code resources.claims} pick from that list
 * by name, each claim (or request of it) once ({@code validateResourceClaimNames}). A static
 * (mirror) pod, which the kubelet runs from a file, may claim nothing.
 */
final class ResourceClaimsRule extends BaseRule {

    private static final String[] CONTAINER_LISTS = {"initContainers", "containers"};

    ResourceClaimsRule() {
        super("api/resource-claims", Layer.API, Severity.ERROR,
                "From 1.34, each pod resourceClaims entry has a unique DNS-label name and exactly one of "
                        + "resourceClaimName and resourceClaimTemplateName (DNS subdomains); each container "
                        + "resources.claims entry names one of them, at most once, with an optional DNS-label request; "
                        + "a mirror (static) Pod has none.");
    }

    @Override
    public void check(RuleContext context) {
        var pod = PodSpecs.of(context);
        if (pod == null || !context.version().atLeast(1, 34)) {
            return;
        }
        ArrayNode podClaims = Nodes.arr(pod.spec(), "resourceClaims");
        if (podClaims != null && !podClaims.isEmpty()) {
            boolean mirror = !pod.isTemplate()
                    && Nodes.has(Nodes.obj(pod.metadata(), "annotations"), "kubernetes.io/config.mirror");
            podClaims(context, podClaims, pod.path().child("resourceClaims"), mirror);
        }
        // walked without a visitor: most containers claim nothing, and pay nothing for it
        for (var field : CONTAINER_LISTS) {
            ArrayNode containers = Nodes.arr(pod.spec(), field);
            for (int c = 0; containers != null && c < containers.size(); c++) {
                ArrayNode claims = Nodes.arr(Nodes.obj(containers.get(c), "resources"), "claims");
                if (claims != null && !claims.isEmpty()) {
                    containerClaims(context, claims, podClaims,
                            pod.path().child(field).index(c).child("resources", "claims"));
                }
            }
        }
    }

    private static void podClaims(RuleContext context, ArrayNode claims, FieldPath listPath, boolean mirror) {
        for (int i = 0; i < claims.size(); i++) {
            if (!(claims.get(i) instanceof ObjectNode claim)) {
                continue;
            }
            var path = listPath.index(i);
            if (mirror) {
                // validatePodResourceClaim says only this of each claim of a static pod
                context.report(path, ErrorType.FORBIDDEN, "static pods do not support resource claims");
                continue;
            }
            var name = Nodes.str(claim, "name");
            if (name == null || name.isEmpty()) {
                context.report(path.child("name"), ErrorType.REQUIRED, "");
            } else if (indexOfName(claims, name) < i) {
                context.report(path.child("name"), ErrorType.DUPLICATE, Nodes.quote(name), "");
            } else {
                for (var msg : Names.dns1123Label(name)) {
                    context.report(path.child("name"), ErrorType.INVALID, Nodes.quote(name), msg);
                }
            }
            var claimName = set(claim, "resourceClaimName");
            var templateName = set(claim, "resourceClaimTemplateName");
            if (claimName != null && templateName != null) {
                context.report(path, ErrorType.INVALID, Nodes.show(claim),
                        "at most one of `resourceClaimName` or `resourceClaimTemplateName` may be specified");
            } else if (claimName == null && templateName == null) {
                context.report(path, ErrorType.INVALID, Nodes.show(claim),
                        "must specify one of: `resourceClaimName`, `resourceClaimTemplateName`");
            }
            subdomain(context, claimName, path.child("resourceClaimName"));
            subdomain(context, templateName, path.child("resourceClaimTemplateName"));
        }
    }

    private static void containerClaims(RuleContext context, ArrayNode claims, ArrayNode podClaims,
            FieldPath listPath) {
        // what earlier entries referenced: a claim ("gpu") or one request of it ("gpu/big")
        List<String> referenced = new ArrayList<>(claims.size());
        for (int i = 0; i < claims.size(); i++) {
            var path = listPath.index(i);
            var name = Nodes.str(claims.get(i), "name");
            if (name == null || name.isEmpty()) {
                context.report(path, ErrorType.REQUIRED, "");
                continue;
            }
            if (referenced.contains(name)) {
                context.report(path, ErrorType.DUPLICATE, Nodes.quote(name), ""); // the whole claim already
            } else {
                var request = Nodes.str(claims.get(i), "request");
                boolean wholeClaim = request == null || request.isEmpty();
                var key = name;
                if (!wholeClaim) {
                    for (var msg : Names.dns1123Label(request)) {
                        context.report(path.child("request"), ErrorType.INVALID, Nodes.quote(request), msg);
                    }
                    key = name + "/" + request;
                }
                if (referenced.contains(key)) {
                    context.report(path, ErrorType.DUPLICATE, Nodes.quote(key), "");
                } else if (wholeClaim) {
                    for (var earlier : referenced) {
                        if (earlier.startsWith(name + "/")) {
                            context.report(path, ErrorType.DUPLICATE, Nodes.quote(name), "");
                        }
                    }
                }
                referenced.add(key);
            }
            if (podClaims == null || indexOfName(podClaims, name) < 0) {
                context.report(path, ErrorType.NOT_FOUND, Nodes.quote(name),
                        "must be one of the names in pod.spec.resourceClaims" + names(podClaims));
            }
        }
    }

    /** {@code ": a, b"} (sorted), or {@code " which is empty"}, as the API server ends its NotFound detail. */
    private static String names(ArrayNode podClaims) {
        var names = new ArrayList<String>();
        if (podClaims != null) {
            for (var claim : podClaims) {
                var name = Nodes.str(claim, "name");
                if (name != null && !name.isEmpty() && !names.contains(name)) {
                    names.add(name);
                }
            }
        }
        names.sort(null);
        return names.isEmpty() ? " which is empty" : ": " + String.join(", ", names);
    }

    /** The index of the first claim with this name, or -1. */
    private static int indexOfName(ArrayNode claims, String name) {
        for (int i = 0; i < claims.size(); i++) {
            if (name.equals(Nodes.str(claims.get(i), "name"))) {
                return i;
            }
        }
        return -1;
    }

    /** A field's string when it is set (not absent, not null), else null. */
    private static String set(ObjectNode claim, String field) {
        JsonNode value = claim.get(field);
        return value == null || value.isNull() ? null : Nodes.text(value);
    }

    private static void subdomain(RuleContext context, String name, FieldPath path) {
        if (name != null) {
            for (var msg : Names.dns1123Subdomain(name)) {
                context.report(path, ErrorType.INVALID, Nodes.quote(name), msg);
            }
        }
    }
}
