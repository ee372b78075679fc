package dev.manifestkit.validation.rules;

import java.math.BigDecimal;

import dev.manifestkit.core.syntax.ResourceNames;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pod-level resources ({@code spec.resources}, on by default from 1.34; before, the API server
 * drops the field), as {@code validatePodResources} checks them: only cpu, memory and hugepages,
 * well-formed amounts with each request within its limit, no claims; the pod's request for a
 * resource covers what its containers request together (init containers one at a time, sidecars
 * for the rest of the pod's life), and no container's limit exceeds the pod's.
 *
 * <p>Only requests the manifest states are held against the containers: one it leaves out, the
 * API server fills in from the containers before judging (when the pod sets limits).
 */
final class PodResourcesRule extends BaseRule {

    private static final String[] SUPPORTED = {"cpu", "hugepages-", "memory"};

    PodResourcesRule() {
        super("api/pod-resources", Layer.API, Severity.ERROR,
                "From 1.34, a pod's own resources (spec.resources) name cpu, memory or hugepages-<size>, with "
                        + "well-formed amounts, each request at most its limit (hugepages: equal), hugepages with cpu "
                        + "or memory, no claims; a stated pod request is at least what the containers request "
                        + "together (init containers one at a time, sidecars throughout) and no container's limit "
                        + "exceeds the pod's limit.");
    }

    @Override
    public void check(RuleContext context) {
        var pod = PodSpecs.of(context);
        if (pod == null) {
            return;
        }
        var resources = Nodes.obj(pod.spec(), "resources");
        if (resources == null || !context.version().atLeast(1, 34)) {
            return;
        }
        var path = pod.path().child("resources");
        var claims = Nodes.arr(resources, "claims");
        if (claims != null && !claims.isEmpty()) {
            context.report(path.child("claims"), ErrorType.FORBIDDEN, "claims cannot be set for Resources at pod-level");
        }
        var limits = Nodes.obj(resources, "limits");
        var requests = Nodes.obj(resources, "requests");
        boolean hugePages = names(context, limits, path.child("limits"));
        hugePages |= names(context, requests, path.child("requests"));
        if (hugePages && !has(limits, "cpu", "memory") && !has(requests, "cpu", "memory")
                && (pod.isTemplate() || !defaultsCpuOrMemory(pod.spec(), limits, requests))) {
            context.report(path, ErrorType.FORBIDDEN, "HugePages require cpu or memory");
        }
        if (requests != null) {
            requestsWithinLimits(context, requests, limits, path);
            requestsCoverContainers(context, pod, requests, path.child("requests"));
        }
        if (limits != null) {
            containerLimitsWithin(context, pod, limits, path);
        }
    }

    /**
     * Whether SetDefaults_Pod gives a Pod's own resources a cpu or memory amount before the API
     * server checks that hugepages come with one (not in templates, which are not defaulted so).
     * With pod limits, the pod's requests default to what its containers request, a container's
     * limit standing for a request it leaves out (defaultPodRequests); hugepage limits of the
     * containers that the pod does not request become pod limits first (defaultHugePagePodLimits).
     * Without pod limits, they default to the containers' cpu or memory limits when every container
     * sets one (defaultPodLimits; its init containers are not asked here, so a doubt accepts).
     */
    private static boolean defaultsCpuOrMemory(ObjectNode spec, ObjectNode limits, ObjectNode requests) {
        boolean someRequest = false;
        boolean hugePageLimits = false;
        boolean allLimitCpu = true;
        boolean allLimitMemory = true;
        ArrayNode containers = Nodes.arr(spec, "containers");
        if (containers == null || containers.isEmpty()) {
            return false;
        }
        for (var container : containers) {
            var containerLimits = Nodes.obj(Nodes.obj(container, "resources"), "limits");
            someRequest |= requestsCpuOrMemory(container);
            hugePageLimits |= limitsHugePagesBeyond(containerLimits, requests);
            allLimitCpu &= containerLimits != null && containerLimits.has("cpu");
            allLimitMemory &= containerLimits != null && containerLimits.has("memory");
        }
        ArrayNode inits = Nodes.arr(spec, "initContainers");
        if (inits != null) {
            for (var container : inits) {
                someRequest |= requestsCpuOrMemory(container);
                hugePageLimits |= limitsHugePagesBeyond(Nodes.obj(Nodes.obj(container, "resources"), "limits"), requests);
            }
        }
        boolean podRequests = requests != null && !requests.isEmpty();
        if (limits != null && !limits.isEmpty() || podRequests && hugePageLimits) {
            return someRequest;
        }
        return podRequests && (allLimitCpu || allLimitMemory);
    }

    /** True if a container requests cpu or memory, or limits it (a Pod's request defaults to its limit). */
    private static boolean requestsCpuOrMemory(JsonNode container) {
        var resources = Nodes.obj(container, "resources");
        return has(Nodes.obj(resources, "requests"), "cpu", "memory") || has(Nodes.obj(resources, "limits"), "cpu", "memory");
    }

    /** True if a container limits a hugepages size the pod does not request. */
    private static boolean limitsHugePagesBeyond(ObjectNode containerLimits, ObjectNode podRequests) {
        if (containerLimits == null) {
            return false;
        }
        for (var name : containerLimits.propertyNames()) {
            if (ResourceNames.isHugePages(name) && (podRequests == null || !podRequests.has(name))) {
                return true;
            }
        }
        return false;
    }

    /** Checks the names and amounts of one map; true if it names hugepages. */
    private static boolean names(RuleContext context, ObjectNode amounts, FieldPath path) {
        if (amounts == null) {
            return false;
        }
        boolean hugePages = false;
        for (var entry : amounts.properties()) {
            var name = entry.getKey();
            var at = path.key(name);
            // validateResourceName's messages are those of a container's resource name, less the container ones
            boolean named = true;
            for (var msg : ResourceNames.containerResourceName(name)) {
                if (!msg.equals("must be a standard resource for containers")
                        && !msg.equals("doesn't follow extended resource name standard")) {
                    context.report(at, ErrorType.INVALID, Nodes.quote(name), msg);
                    named = false;
                }
            }
            if (named && !isSupported(name)) {
                context.report(at, ErrorType.NOT_SUPPORTED, Nodes.quote(name), Nodes.supported(SUPPORTED));
            }
            Quantities.check(context, entry.getValue(), at);
            if (ResourceNames.isHugePages(name)) {
                hugePages = true;
                var amount = Quantities.of(entry.getValue());
                if (amount != null && !ContainerResourcesRule.isPageMultiple(amount,
                        name.substring(ResourceNames.HUGE_PAGES.length()))) {
                    context.report(at, ErrorType.INVALID, Nodes.show(entry.getValue()),
                            Nodes.text(entry.getValue()) + " is not positive integer multiple of " + name);
                }
            }
        }
        return hugePages;
    }

    private static void requestsWithinLimits(RuleContext context, ObjectNode requests, ObjectNode limits,
            FieldPath path) {
        if (limits == null) {
            return;
        }
        for (var entry : requests.properties()) {
            var resource = entry.getKey();
            var limit = limits.get(resource);
            var request = Quantities.of(entry.getValue());
            var max = Quantities.of(limit);
            if (request == null || max == null) {
                continue;
            }
            if (!ResourceNames.allowsOvercommit(resource) && request.compareTo(max) != 0) {
                context.report(path.child("requests"), ErrorType.INVALID, Nodes.show(entry.getValue()),
                        "must be equal to " + resource + " limit of " + Nodes.text(limit));
            } else if (request.compareTo(max) > 0) {
                context.report(path.child("requests"), ErrorType.INVALID, Nodes.show(entry.getValue()),
                        "must be less than or equal to " + resource + " limit of " + Nodes.text(limit));
            }
        }
    }

    /**
     * {@code validatePodResourceConsistency}, first half: the pod requests at least what its
     * containers need at once: the regular containers and sidecars together, or, if more, any one
     * init container with the sidecars started before it. A Pod's containers request their limit
     * where they name no request (the API server defaults it; not in templates).
     */
    private static void requestsCoverContainers(RuleContext context, PodSpecs.PodSpec pod, ObjectNode requests,
            FieldPath path) {
        boolean defaultsRequests = !pod.isTemplate();
        for (var entry : requests.properties()) {
            var resource = entry.getKey();
            var stated = Quantities.of(entry.getValue());
            if (stated == null || !isSupported(resource)) {
                continue;
            }
            BigDecimal running = BigDecimal.ZERO;
            char format = 'd';
            boolean found = false;
            ArrayNode containers = Nodes.arr(pod.spec(), "containers");
            if (containers != null) {
                for (var container : containers) {
                    var amount = request(container, resource, defaultsRequests);
                    if (amount != null) {
                        format = found ? format : formatOf(amount);
                        found = true;
                        running = running.add(Quantities.of(amount));
                    }
                }
            }
            BigDecimal sidecars = BigDecimal.ZERO;
            BigDecimal initPeak = BigDecimal.ZERO;
            ArrayNode inits = Nodes.arr(pod.spec(), "initContainers");
            if (inits != null) {
                for (var container : inits) {
                    var amount = request(container, resource, defaultsRequests);
                    BigDecimal value = amount == null ? BigDecimal.ZERO : Quantities.of(amount);
                    if (amount != null) {
                        format = found ? format : formatOf(amount);
                        found = true;
                    }
                    BigDecimal peak;
                    if ("Always".equals(Nodes.str(container, "restartPolicy"))) {
                        running = running.add(value);
                        sidecars = sidecars.add(value);
                        peak = sidecars;
                    } else {
                        peak = value.add(sidecars);
                    }
                    initPeak = initPeak.max(peak);
                }
            }
            var needed = running.max(initPeak);
            if (found && needed.compareTo(stated) > 0) {
                context.report(path.key(resource), ErrorType.INVALID, Nodes.quote(spelled(entry.getValue())),
                        "must be greater than or equal to aggregate container requests of "
                                + Quantities.canonical(needed, format));
            }
        }
    }

    /** A container's request for a resource, or (for a Pod) its limit when it names no request; else null. */
    private static JsonNode request(JsonNode container, String resource, boolean defaultsRequests) {
        var resources = Nodes.obj(container, "resources");
        var amount = Nodes.get(Nodes.obj(resources, "requests"), resource);
        if (amount == null && defaultsRequests) {
            amount = Nodes.get(Nodes.obj(resources, "limits"), resource);
        }
        return amount != null && Quantities.of(amount) != null ? amount : null;
    }

    /** {@code validatePodResourceConsistency}, second half: no regular container's limit exceeds the pod's. */
    private static void containerLimitsWithin(RuleContext context, PodSpecs.PodSpec pod, ObjectNode limits,
            FieldPath path) {
        ArrayNode containers = Nodes.arr(pod.spec(), "containers");
        if (containers == null) {
            return;
        }
        for (int i = 0; i < containers.size(); i++) {
            var containerLimits = Nodes.obj(Nodes.obj(containers.get(i), "resources"), "limits");
            if (containerLimits == null) {
                continue;
            }
            for (var entry : containerLimits.properties()) {
                var podLimit = limits.get(entry.getKey());
                var max = Quantities.of(podLimit);
                var limit = Quantities.of(entry.getValue());
                if (max != null && limit != null && limit.compareTo(max) > 0) {
                    // the API server's own path for this finding
                    context.report(path.child("containers").index(i).key(entry.getKey()).child("limits"),
                            ErrorType.INVALID, Nodes.quote(spelled(entry.getValue())),
                            "must be less than or equal to pod limits of " + spelled(podLimit));
                }
            }
        }
    }

    /** cpu, memory and hugepages ({@code IsSupportedPodLevelResource}). */
    private static boolean isSupported(String name) {
        return name.equals("cpu") || name.equals("memory") || ResourceNames.isHugePages(name);
    }

    private static boolean has(ObjectNode amounts, String first, String second) {
        return amounts != null && (amounts.has(first) || amounts.has(second));
    }

    private static String spelled(JsonNode quantity) {
        var canonical = Quantities.canonical(quantity);
        return canonical == null ? Nodes.text(quantity) : canonical;
    }

    /** The format a sum keeps: its first addend's ('b' for a binary suffix, else decimal). */
    private static char formatOf(JsonNode quantity) {
        return quantity.isString() && quantity.asString().endsWith("i") ? 'b' : 'd';
    }
}
