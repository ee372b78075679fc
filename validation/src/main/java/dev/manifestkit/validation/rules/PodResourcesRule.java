package dev.manifestkit.validation.rules;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

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
 * drops the field), as {@code validatePodResources} checks them: none on a Windows pod; only cpu, memory and hugepages,
 * well-formed amounts with each request within its limit, no claims; the pod's request for a
 * resource covers what its containers request together (init containers one at a time, sidecars
 * for the rest of the pod's life), and no container's limit exceeds the pod's.
 *
 * <p>A Pod is judged as {@code SetDefaults_Pod} leaves it, a template as written (templates get
 * only {@code SetDefaults_PodSpec}): a Pod's containers request their limits where they name no
 * request, and, once the pod sets limits, its own requests default to what the containers request
 * together (cpu, memory) or to its limits (defaultPodRequests), so a defaulted request can exceed
 * a limit. A resource the pod does not request (or, for hugepages, limit) is not held against its
 * containers.
 */
final class PodResourcesRule extends BaseRule {

    private static final String[] SUPPORTED = {"cpu", "hugepages-", "memory"};

    PodResourcesRule() {
        super("api/pod-resources", Layer.API, Severity.ERROR,
                "From 1.34, a pod's own resources (spec.resources), not on a Windows pod, name cpu, memory or hugepages-<size>, with "
                        + "well-formed amounts, each request at most its limit (hugepages: equal), hugepages with cpu "
                        + "or memory, no claims; the pod requests at least what the containers request together "
                        + "for each resource it requests (init containers one at a time, sidecars throughout), limits "
                        + "at least their hugepages together, and no container's limit exceeds the pod's. A Pod is judged "
                        + "after its defaulting (its requests filled in from its containers or limits), a template "
                        + "as written.");
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
        if ("windows".equals(Nodes.str(Nodes.obj(pod.spec(), "os"), "name"))) {
            // nothing more is said of resources a Windows pod may not have
            context.report(path, ErrorType.FORBIDDEN, "may not be set for a windows pod");
            return;
        }
        var claims = Nodes.arr(resources, "claims");
        if (claims != null && !claims.isEmpty()) {
            context.report(path.child("claims"), ErrorType.FORBIDDEN, "claims cannot be set for Resources at pod-level");
        }
        names(context, Nodes.obj(resources, "limits"), path.child("limits"));
        names(context, Nodes.obj(resources, "requests"), path.child("requests"));
        var effective = effective(pod, resources);
        hugePageMultiples(context, effective.requests(), Nodes.obj(resources, "requests"), path.child("requests"));
        hugePageMultiples(context, effective.limits(), Nodes.obj(resources, "limits"), path.child("limits"));
        if (hasHugePages(effective) && !hasCpuOrMemory(effective)
                && !(context.version().atLeast(1, 36) && defaultsLimitsFromContainers(pod, effective))) {
            context.report(path, ErrorType.FORBIDDEN, "HugePages require cpu or memory");
        }
        requestsWithinLimits(context, effective, path.child("requests"));
        requestsCoverContainers(context, pod, effective.requests(), path.child("requests"));
        hugePageLimitsCoverContainers(context, pod, effective.limits(), path.child("limits"));
        containerLimitsWithin(context, pod, effective.limits(), path);
    }

    /** An amount as Go's {@code Quantity} holds it: the value and the format it prints in. */
    private record Amount(BigDecimal value, char format) {

        /** {@code SetDefaults_ResourceList} rounds every amount up to milli-units; null if malformed. */
        static Amount of(JsonNode node) {
            var value = Quantities.of(node);
            if (value == null) {
                return null;
            }
            return new Amount(Quantities.roundUp(value, 3),
                    Quantities.format(node));
        }

        /** {@code Quantity.Add}: the sum keeps this format, or takes the other's when this is zero. */
        Amount plus(Amount other) {
            return new Amount(value.add(other.value), value.signum() == 0 ? other.format : format);
        }

        int compareTo(Amount other) {
            return value.compareTo(other.value);
        }

        /** {@code Quantity.String()}. */
        String spelled() {
            return Quantities.canonical(value, format);
        }
    }

    /** The pod's own requests and limits, as the API server validates them. */
    private record Resources(Map<String, Amount> requests, Map<String, Amount> limits) {
    }

    /**
     * The pod-level resources after defaulting: as written for a template; for a Pod, first
     * {@code defaultHugePagePodLimits} (containers' hugepage limits the pod neither requests nor
     * limits become pod limits, when the pod sets any resources), then {@code defaultPodRequests}
     * (with pod limits, a missing cpu or memory request becomes what the containers request
     * together, and any other missing supported request its limit).
     */
    private static Resources effective(PodSpecs.PodSpec pod, ObjectNode resources) {
        var statedRequests = Nodes.obj(resources, "requests");
        var statedLimits = Nodes.obj(resources, "limits");
        var requests = amounts(statedRequests);
        var limits = amounts(statedLimits);
        if (pod.isTemplate()) {
            return new Resources(requests, limits);
        }
        if (statedRequests != null && !statedRequests.isEmpty() || statedLimits != null && !statedLimits.isEmpty()) {
            aggregate(pod.spec(), container -> amounts(Nodes.obj(Nodes.obj(container, "resources"), "limits")))
                    .forEach((name, amount) -> {
                        if (ResourceNames.isHugePages(name) && !has(statedRequests, name)) {
                            limits.putIfAbsent(name, amount);
                        }
                    });
        }
        if (!limits.isEmpty()) {
            aggregate(pod.spec(), container -> containerRequests(container, true)).forEach((name, amount) -> {
                if (name.equals("cpu") || name.equals("memory")) {
                    requests.putIfAbsent(name, amount);
                }
            });
            limits.forEach((name, amount) -> {
                if (isSupported(name)) {
                    requests.putIfAbsent(name, amount);
                }
            });
        }
        return new Resources(requests, limits);
    }

    /** The well-formed amounts of a resource map, in its order. */
    private static Map<String, Amount> amounts(ObjectNode map) {
        var amounts = new LinkedHashMap<String, Amount>();
        if (map != null) {
            for (var entry : map.properties()) {
                var amount = Amount.of(entry.getValue());
                if (amount != null) {
                    amounts.put(entry.getKey(), amount);
                }
            }
        }
        return amounts;
    }

    /** A container's requests; for a Pod, with its limits standing for the requests it leaves out. */
    private static Map<String, Amount> containerRequests(JsonNode container, boolean defaulted) {
        var resources = Nodes.obj(container, "resources");
        var requests = amounts(Nodes.obj(resources, "requests"));
        if (defaulted) {
            amounts(Nodes.obj(resources, "limits")).forEach(requests::putIfAbsent);
        }
        return requests;
    }

    /**
     * What the containers need at once ({@code AggregateContainerRequests} and its limits twin): the
     * regular containers and sidecars together, or, if more, any one init container with the
     * sidecars started before it; each sum keeps the format of its first amount, as Go's does.
     */
    private static Map<String, Amount> aggregate(ObjectNode spec, Function<JsonNode, Map<String, Amount>> of) {
        var result = new LinkedHashMap<String, Amount>();
        ArrayNode containers = Nodes.arr(spec, "containers");
        if (containers != null) {
            containers.forEach(container -> add(result, of.apply(container)));
        }
        var sidecars = new LinkedHashMap<String, Amount>();
        var initPeak = new LinkedHashMap<String, Amount>();
        ArrayNode inits = Nodes.arr(spec, "initContainers");
        if (inits != null) {
            for (var container : inits) {
                var own = of.apply(container);
                Map<String, Amount> running;
                if ("Always".equals(Nodes.str(container, "restartPolicy"))) {
                    add(result, own);
                    add(sidecars, own);
                    running = sidecars;
                } else {
                    running = new LinkedHashMap<>();
                    add(running, own);
                    add(running, sidecars);
                }
                max(initPeak, running);
            }
        }
        max(result, initPeak);
        return result;
    }

    private static void add(Map<String, Amount> sum, Map<String, Amount> amounts) {
        amounts.forEach((name, amount) -> sum.merge(name, amount, Amount::plus));
    }

    private static void max(Map<String, Amount> peak, Map<String, Amount> amounts) {
        amounts.forEach((name, amount) -> peak.merge(name, amount, (old, now) -> now.compareTo(old) > 0 ? now : old));
    }

    /**
     * From 1.36 ({@code defaultPodLimits}): a Pod with pod requests and no pod limits takes as its
     * cpu or memory limit what its containers limit together, when every container limits it. Only
     * the regular containers are asked here, so a doubt accepts.
     */
    private static boolean defaultsLimitsFromContainers(PodSpecs.PodSpec pod, Resources effective) {
        if (pod.isTemplate() || effective.requests().keySet().stream().noneMatch(PodResourcesRule::isSupported)
                || effective.limits().keySet().stream().anyMatch(PodResourcesRule::isSupported)) {
            return false;
        }
        ArrayNode containers = Nodes.arr(pod.spec(), "containers");
        if (containers == null || containers.isEmpty()) {
            return false;
        }
        boolean allCpu = true;
        boolean allMemory = true;
        for (var container : containers) {
            var limits = Nodes.obj(Nodes.obj(container, "resources"), "limits");
            allCpu &= has(limits, "cpu");
            allMemory &= has(limits, "memory");
        }
        return allCpu || allMemory;
    }

    /** Checks the names and amounts of one map as written. */
    private static void names(RuleContext context, ObjectNode amounts, FieldPath path) {
        if (amounts == null) {
            return;
        }
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
        }
    }

    /** Hugepage amounts, written or defaulted, must be whole pages (the written ones where they are written). */
    private static void hugePageMultiples(RuleContext context, Map<String, Amount> amounts, ObjectNode stated,
            FieldPath path) {
        amounts.forEach((name, amount) -> {
            if (ResourceNames.isHugePages(name) && !ContainerResourcesRule.isPageMultiple(amount.value(),
                    name.substring(ResourceNames.HUGE_PAGES.length()))) {
                var spelled = amount.spelled();
                context.report(path.key(name), ErrorType.INVALID, Nodes.quote(spelled),
                        spelled + " is not positive integer multiple of " + name);
            }
        });
    }

    private static boolean hasHugePages(Resources resources) {
        return resources.requests().keySet().stream().anyMatch(ResourceNames::isHugePages)
                || resources.limits().keySet().stream().anyMatch(ResourceNames::isHugePages);
    }

    private static boolean hasCpuOrMemory(Resources resources) {
        return resources.requests().containsKey("cpu") || resources.requests().containsKey("memory")
                || resources.limits().containsKey("cpu") || resources.limits().containsKey("memory");
    }

    /** {@code validatePodResourceRequirements}: each request within its limit (hugepages: equal to it). */
    private static void requestsWithinLimits(RuleContext context, Resources resources, FieldPath path) {
        resources.requests().forEach((name, request) -> {
            var limit = resources.limits().get(name);
            if (limit == null) {
                return;
            }
            if (!ResourceNames.allowsOvercommit(name) && request.compareTo(limit) != 0) {
                context.report(path, ErrorType.INVALID, Nodes.quote(request.spelled()),
                        "must be equal to " + name + " limit of " + limit.spelled());
            } else if (request.compareTo(limit) > 0) {
                context.report(path, ErrorType.INVALID, Nodes.quote(request.spelled()),
                        "must be less than or equal to " + name + " limit of " + limit.spelled());
            }
        });
    }

    /**
     * {@code validatePodResourceConsistency}, first half: for each resource the containers request
     * (a Pod's containers their limits where they name no request) that the pod requests too, the
     * pod requests at least their aggregate; a request the pod leaves out is not judged.
     */
    private static void requestsCoverContainers(RuleContext context, PodSpecs.PodSpec pod, Map<String, Amount> requests,
            FieldPath path) {
        boolean defaulted = !pod.isTemplate();
        aggregate(pod.spec(), container -> containerRequests(container, defaulted)).forEach((name, needed) -> {
            var request = requests.get(name);
            if (request != null && needed.compareTo(request) > 0) {
                context.report(path.key(name), ErrorType.INVALID, Nodes.quote(request.spelled()),
                        "must be greater than or equal to aggregate container requests of " + needed.spelled());
            }
        });
    }

    /**
     * {@code validatePodResourceConsistency}: hugepages cannot be overcommitted, so a pod's
     * hugepage limit covers what its containers limit together.
     */
    private static void hugePageLimitsCoverContainers(RuleContext context, PodSpecs.PodSpec pod,
            Map<String, Amount> limits, FieldPath path) {
        aggregate(pod.spec(), container -> amounts(Nodes.obj(Nodes.obj(container, "resources"), "limits")))
                .forEach((name, needed) -> {
                    var limit = limits.get(name);
                    if (ResourceNames.isHugePages(name) && limit != null && needed.compareTo(limit) > 0) {
                        context.report(path.key(name), ErrorType.INVALID, Nodes.quote(limit.spelled()),
                                "must be greater than or equal to aggregate container limits of " + needed.spelled());
                    }
                });
    }

    /** {@code validatePodResourceConsistency}, second half: no regular container's limit exceeds the pod's. */
    private static void containerLimitsWithin(RuleContext context, PodSpecs.PodSpec pod, Map<String, Amount> limits,
            FieldPath path) {
        ArrayNode containers = Nodes.arr(pod.spec(), "containers");
        if (containers == null) {
            return;
        }
        for (int i = 0; i < containers.size(); i++) {
            int index = i;
            amounts(Nodes.obj(Nodes.obj(containers.get(i), "resources"), "limits")).forEach((name, limit) -> {
                var max = limits.get(name);
                if (max != null && limit.compareTo(max) > 0) {
                    // the API server's own path for this finding
                    context.report(path.child("containers").index(index).key(name).child("limits"),
                            ErrorType.INVALID, Nodes.quote(limit.spelled()),
                            "must be less than or equal to pod limits of " + max.spelled());
                }
            });
        }
    }

    /** cpu, memory and hugepages ({@code IsSupportedPodLevelResource}). */
    private static boolean isSupported(String name) {
        return name.equals("cpu") || name.equals("memory") || ResourceNames.isHugePages(name);
    }

    private static boolean has(ObjectNode amounts, String name) {
        return amounts != null && amounts.has(name);
    }
}
