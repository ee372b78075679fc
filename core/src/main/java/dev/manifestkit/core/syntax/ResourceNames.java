package dev.manifestkit.core.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The names of the resources a container may request, as the API server checks them
 * ({@code validateContainerResourceName}), shared by the DSL and validation: {@code cpu},
 * {@code memory}, {@code ephemeral-storage}, {@code hugepages-<size>}, and extended resources
 * with a domain ({@code example.com/gpu}). A misspelt {@code cpus} is not ignored by the cluster:
 * the pod is rejected.
 */
public final class ResourceNames {

    /** What a container may name without a domain, besides {@code hugepages-<size>}. */
    private static final Set<String> CONTAINER_RESOURCES = Set.of("cpu", "memory", "ephemeral-storage");

    /** Resource names that need no domain anywhere, quota names among them ({@code IsStandardResourceName}). */
    private static final Set<String> STANDARD_RESOURCES = Set.of("cpu", "memory", "ephemeral-storage",
            "requests.cpu", "requests.memory", "requests.ephemeral-storage", "limits.cpu", "limits.memory",
            "limits.ephemeral-storage", "pods", "resourcequotas", "services", "replicationcontrollers", "secrets",
            "persistentvolumeclaims", "configmaps", "services.nodeports", "services.loadbalancers", "storage",
            "requests.storage");

    /** The prefix of a hugepages resource; the rest is the page size. */
    public static final String HUGE_PAGES = "hugepages-";

    private ResourceNames() {
    }

    /**
     * What {@code validateResourceName} says of any resource name (a qualified name, and without a
     * domain a standard one); empty when it is fine. Quotas and limit ranges check names this way,
     * containers more strictly ({@link #containerResourceName}).
     */
    public static List<String> resourceName(String name) {
        var messages = new ArrayList<>(Names.qualifiedName(name));
        if (messages.isEmpty() && name.indexOf('/') < 0 && !STANDARD_RESOURCES.contains(name) && !isHugePages(name)
                && !name.startsWith("requests." + HUGE_PAGES)) {
            messages.add("must be a standard resource type or fully qualified");
        }
        return messages;
    }

    /** Every message the API server gives for a container resource name; empty when it is fine. */
    public static List<String> containerResourceName(String name) {
        var messages = new ArrayList<>(resourceName(name));
        boolean qualified = name.indexOf('/') >= 0;
        if (!qualified) {
            if (!CONTAINER_RESOURCES.contains(name) && !isHugePages(name)) {
                messages.add("must be a standard resource for containers");
            }
        } else if (!isNative(name) && !isExtended(name)) {
            messages.add("doesn't follow extended resource name standard");
        }
        return messages;
    }

    /** Kubernetes' own resources: no domain, or one under kubernetes.io. */
    public static boolean isNative(String name) {
        return name.indexOf('/') < 0 || name.contains("kubernetes.io/");
    }

    /** A device plugin's or operator's resource ({@code example.com/gpu}): a whole number, never overcommitted. */
    public static boolean isExtended(String name) {
        return !isNative(name) && !name.startsWith("requests.") && Names.qualifiedName("requests." + name).isEmpty();
    }

    /** {@code hugepages-<size>}. */
    public static boolean isHugePages(String name) {
        return name.startsWith(HUGE_PAGES);
    }

    /**
     * Whether a request may be below its limit: true for native resources but hugepages; extended
     * resources and hugepages need a limit, and the request must equal it.
     */
    public static boolean allowsOvercommit(String name) {
        return isNative(name) && !isHugePages(name);
    }
}
