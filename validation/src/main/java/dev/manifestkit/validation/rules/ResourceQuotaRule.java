package dev.manifestkit.validation.rules;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.manifestkit.core.syntax.ResourceNames;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.node.ObjectNode;

/**
 * A ResourceQuota as {@code ValidateResourceQuotaSpec} (core) checks it on create: each
 * {@code spec.hard} name is a resource name the quota system knows ({@code IsStandardQuotaResourceName})
 * or a domain-qualified one ({@code count/deployments.apps}, {@code requests.nvidia.com/gpu}), its
 * amount not negative and, for object counts and extended resources, whole; scopes, in
 * {@code spec.scopes} and {@code spec.scopeSelector}, are known, fit the resources they limit
 * ({@code IsResourceQuotaScopeValidForResource}: BestEffort only pods, the other pod scopes pods
 * and cpu/memory) and do not conflict; a scope selector's operator suits its scope and values.
 */
final class ResourceQuotaRule extends BaseRule {

    private static final FieldPath SPEC = FieldPath.root("spec");
    /** IsStandardQuotaResourceName, but hugepages. */
    private static final Set<String> QUOTA_RESOURCES = Set.of("cpu", "memory", "ephemeral-storage", "requests.cpu",
            "requests.memory", "requests.storage", "requests.ephemeral-storage", "limits.cpu", "limits.memory",
            "limits.ephemeral-storage", "pods", "resourcequotas", "services", "replicationcontrollers", "secrets",
            "persistentvolumeclaims", "configmaps", "services.nodeports", "services.loadbalancers");
    /** IsIntegerResourceName, but extended resources. */
    private static final Set<String> INTEGER_RESOURCES = Set.of("pods", "resourcequotas", "services",
            "replicationcontrollers", "secrets", "configmaps", "persistentvolumeclaims", "services.nodeports",
            "services.loadbalancers");
    /** podComputeQuotaResources and podObjectCountQuotaResources. */
    private static final Set<String> POD_RESOURCES = Set.of("pods", "cpu", "memory", "limits.cpu", "limits.memory",
            "requests.cpu", "requests.memory");
    /** IsStandardResourceQuotaScope, with VolumeAttributesClass (claims, GA in 1.34). */
    private static final Set<String> SCOPES = Set.of("Terminating", "NotTerminating", "BestEffort", "NotBestEffort",
            "PriorityClass", "CrossNamespacePodAffinity", "VolumeAttributesClass");
    private static final Set<String> EXISTS_ONLY_SCOPES = Set.of("Terminating", "NotTerminating", "BestEffort",
            "NotBestEffort", "CrossNamespacePodAffinity");
    private static final List<List<String>> CONFLICTS = List.of(List.of("BestEffort", "NotBestEffort"),
            List.of("Terminating", "NotTerminating"));

    ResourceQuotaRule() {
        super("api/resource-quota", Layer.API, Severity.ERROR,
                "A ResourceQuota's spec.hard names resources the quota system knows (cpu, memory, requests.*, "
                        + "limits.*, pods, services, count/<resource>.<group>, domain-qualified names, …) with "
                        + "amounts not negative and whole for object counts and extended resources; its scopes and "
                        + "scopeSelector expressions name known scopes, not BestEffort with NotBestEffort nor "
                        + "Terminating with NotTerminating, that fit the resources it limits (BestEffort: pods; the "
                        + "other pod scopes: pods, cpu and memory; VolumeAttributesClass: persistentvolumeclaims and "
                        + "requests.storage); a selector's Terminating, NotTerminating, "
                        + "BestEffort, NotBestEffort and CrossNamespacePodAffinity scopes use the Exists operator, "
                        + "In and NotIn take values, Exists and DoesNotExist none.");
    }

    @Override
    public void check(RuleContext context) {
        var spec = Nodes.specOf(context.tree(), "ResourceQuota");
        if (spec == null) {
            return;
        }
        var hard = Nodes.obj(spec, "hard");
        var resources = new LinkedHashSet<String>();
        if (hard != null) {
            for (var entry : hard.properties()) {
                var name = entry.getKey();
                resources.add(name);
                var path = SPEC.child("hard").key(name);
                for (var msg : resourceName(name)) {
                    context.report(path, ErrorType.INVALID, Nodes.quote(name), msg);
                }
                Quantities.check(context, entry.getValue(), path);
                var amount = Quantities.of(entry.getValue());
                var milli = amount == null || !isInteger(name) ? null : Quantities.scaledValue(amount, 3);
                if (milli != null && milli % 1000 != 0) { // MilliValue() % 1000, as ValidateResourceQuantityValue
                    context.report(path, ErrorType.INVALID, Quantities.show(entry.getValue()), "must be an integer");
                }
            }
        }
        scopes(context, spec, resources);
        scopeSelector(context, spec, resources);
    }

    /** validateResourceName, then ValidateResourceQuotaResourceName. */
    private static List<String> resourceName(String name) {
        var messages = new java.util.ArrayList<>(ResourceNames.resourceName(name));
        if (name.indexOf('/') < 0 && !isStandardQuotaResource(name)) {
            messages.add("must be a standard resource for quota");
        }
        return messages;
    }

    private static boolean isStandardQuotaResource(String name) {
        return QUOTA_RESOURCES.contains(name) || name.startsWith(ResourceNames.HUGE_PAGES)
                || name.startsWith("requests." + ResourceNames.HUGE_PAGES);
    }

    private static boolean isInteger(String name) {
        return INTEGER_RESOURCES.contains(name) || ResourceNames.isExtended(name);
    }

    /** IsResourceQuotaScopeValidForResource for a standard quota resource. */
    private static boolean fits(String scope, String resource) {
        return switch (scope) {
            case "Terminating", "NotTerminating", "NotBestEffort", "PriorityClass", "CrossNamespacePodAffinity" ->
                    POD_RESOURCES.contains(resource);
            case "BestEffort" -> resource.equals("pods");
            // pvcObjectCountQuotaResources and pvcStorageQuotaResources
            case "VolumeAttributesClass" -> resource.equals("persistentvolumeclaims") || resource.equals("requests.storage");
            default -> true;
        };
    }

    private static boolean misfits(String scope, Set<String> resources) {
        for (var resource : resources) {
            if (isStandardQuotaResource(resource) && !fits(scope, resource)) {
                return true;
            }
        }
        return false;
    }

    /** validateResourceQuotaScopes. */
    private static void scopes(RuleContext context, ObjectNode spec, Set<String> resources) {
        var scopes = Nodes.arr(spec, "scopes");
        if (scopes == null || scopes.isEmpty()) {
            return;
        }
        var path = SPEC.child("scopes");
        var seen = new LinkedHashSet<String>();
        for (var node : scopes) {
            if (!node.isString()) {
                continue; // the schema layer's finding
            }
            var scope = node.asString();
            if (!SCOPES.contains(scope)) {
                context.report(path, ErrorType.INVALID, Nodes.show(scopes), "unsupported scope");
            }
            for (var resource : resources) {
                if (isStandardQuotaResource(resource) && !fits(scope, resource)) {
                    context.report(path, ErrorType.INVALID, Nodes.show(scopes), "unsupported scope applied to resource");
                }
            }
            seen.add(scope);
        }
        conflicts(context, seen, path, Nodes.show(scopes));
    }

    private static void conflicts(RuleContext context, Set<String> scopes, FieldPath path, String shown) {
        for (var pair : CONFLICTS) {
            if (scopes.containsAll(pair)) {
                context.report(path, ErrorType.INVALID, shown, "conflicting scopes");
            }
        }
    }

    /** validateScopedResourceSelectorRequirement. */
    private static void scopeSelector(RuleContext context, ObjectNode spec, Set<String> resources) {
        var selector = Nodes.obj(spec, "scopeSelector");
        var expressions = Nodes.arr(selector, "matchExpressions");
        if (expressions == null) {
            return;
        }
        var path = SPEC.child("scopeSelector", "matchExpressions");
        var seen = new LinkedHashSet<String>();
        for (var node : expressions) {
            if (!(node instanceof ObjectNode expression)) {
                continue;
            }
            var scope = Nodes.str(expression, "scopeName");
            var operator = Nodes.str(expression, "operator");
            if (scope == null || operator == null) {
                continue; // both are required: the schema layer's finding
            }
            if (!SCOPES.contains(scope)) {
                context.report(path.child("scopeName"), ErrorType.INVALID, Nodes.quote(scope), "unsupported scope");
            }
            if (misfits(scope, resources)) {
                context.report(path, ErrorType.INVALID, Nodes.show(selector), "unsupported scope applied to resource");
            }
            if (EXISTS_ONLY_SCOPES.contains(scope) && !operator.equals("Exists")) {
                context.report(path.child("operator"), ErrorType.INVALID, Nodes.quote(operator),
                        "must be 'Exists' when scope is any of ResourceQuotaScopeTerminating, "
                                + "ResourceQuotaScopeNotTerminating, ResourceQuotaScopeBestEffort, "
                                + "ResourceQuotaScopeNotBestEffort or ResourceQuotaScopeCrossNamespacePodAffinity");
            }
            var values = Nodes.arr(expression, "values");
            boolean hasValues = values != null && !values.isEmpty();
            switch (operator) {
                case "In", "NotIn" -> {
                    if (!hasValues) {
                        context.report(path.child("values"), ErrorType.REQUIRED,
                                "must be at least one value when `operator` is 'In' or 'NotIn' for scope selector");
                    }
                }
                case "Exists", "DoesNotExist" -> {
                    if (hasValues) {
                        context.report(path.child("values"), ErrorType.INVALID, Nodes.show(values),
                                "must be no value when `operator` is 'Exist' or 'DoesNotExist' for scope selector");
                    }
                }
                default -> context.report(path.child("operator"), ErrorType.INVALID, Nodes.quote(operator),
                        "not a valid selector operator");
            }
            seen.add(scope);
        }
        var scopes = Nodes.arr(spec, "scopes");
        conflicts(context, seen, path, scopes == null ? "null" : Nodes.show(scopes));
    }
}
