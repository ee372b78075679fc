package dev.manifestkit.validation.rules;

import java.math.BigDecimal;

import dev.manifestkit.core.syntax.Quantity;
import dev.manifestkit.core.syntax.ResourceNames;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.node.ObjectNode;

/**
 * The resource names and amounts a container may ask for, as the API server's
 * {@code ValidateResourceRequirements} checks them: a misspelt {@code cpus} or {@code mem} is
 * not an unknown resource the scheduler ignores but a rejected pod. Whether requests fit their
 * limits is {@link RequestsWithinLimitsRule}'s part.
 */
final class ContainerResourcesRule extends BaseRule {

    ContainerResourcesRule() {
        super("api/container-resources", Layer.API, Severity.ERROR,
                "Container requests and limits name cpu, memory, ephemeral-storage, hugepages-<size> or a "
                        + "domain-qualified extended resource; extended resources are whole numbers, hugepages a "
                        + "multiple of their page size, and hugepages come with a cpu or memory request or limit.");
    }

    @Override
    public void check(RuleContext context) {
        // the pod's overhead (normally set by its RuntimeClass) names resources as containers do
        var pod = PodSpecs.of(context);
        if (pod != null) {
            check(context, Nodes.obj(pod.spec(), "overhead"), pod.path().child("overhead"));
        }
        PodSpecs.forEachContainer(context, (container, path, init) -> {
            var resources = Nodes.obj(container, "resources");
            if (resources == null) {
                return;
            }
            var resourcesPath = path.child("resources");
            boolean hugePages = check(context, Nodes.obj(resources, "limits"), resourcesPath.child("limits"));
            hugePages |= check(context, Nodes.obj(resources, "requests"), resourcesPath.child("requests"));
            if (hugePages && !hasCpuOrMemory(Nodes.obj(resources, "limits"))
                    && !hasCpuOrMemory(Nodes.obj(resources, "requests"))) {
                context.report(resourcesPath, ErrorType.FORBIDDEN, "HugePages require cpu or memory");
            }
        });
    }

    /** Checks one map; true if it names a hugepages resource. */
    private static boolean check(RuleContext context, ObjectNode amounts, FieldPath path) {
        if (amounts == null) {
            return false;
        }
        boolean hugePages = false;
        for (var entry : amounts.properties()) {
            String name = entry.getKey();
            FieldPath at = path.key(name);
            for (String message : ResourceNames.containerResourceName(name)) {
                context.report(at, ErrorType.INVALID, Nodes.quote(name), message);
            }
            BigDecimal amount = Quantities.of(entry.getValue());
            if (ResourceNames.isExtended(name) && amount != null && amount.stripTrailingZeros().scale() > 0) {
                context.report(at, ErrorType.INVALID, Quantities.show(entry.getValue()), "must be an integer");
            }
            if (ResourceNames.isHugePages(name)) {
                hugePages = true;
                if (amount != null && !isPageMultiple(amount, name.substring(ResourceNames.HUGE_PAGES.length()))) {
                    context.report(at, ErrorType.INVALID, Quantities.show(entry.getValue()),
                            Quantities.text(entry.getValue()) + " is not positive integer multiple of " + name);
                }
            }
        }
        return hugePages;
    }

    /**
     * {@code IsHugePageResourceValueDivisible}: the page size parses as a whole positive quantity
     * and the amount, rounded up to a whole number as Kubernetes reads it, is a multiple of it.
     */
    static boolean isPageMultiple(BigDecimal amount, String pageSize) {
        if (!Quantity.isValid(pageSize)) {
            return false;
        }
        BigDecimal page = Quantity.parse(pageSize).toBigDecimal();
        if (page.signum() <= 0 || page.stripTrailingZeros().scale() > 0) {
            return false;
        }
        Long value = Quantities.scaledValue(amount, 0);
        Long pageValue = Quantities.scaledValue(page, 0);
        // beyond int64 Go's Value() means nothing: not held against the amount
        return value == null || pageValue == null || value % pageValue == 0;
    }

    private static boolean hasCpuOrMemory(ObjectNode amounts) {
        return amounts != null && (amounts.has("cpu") || amounts.has("memory"));
    }

}
