package dev.manifestkit.core.syntax;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The pod fields and container resources the downward API hands to environment variables and
 * volume files, as the API server lists them. The DSL refuses other paths at once; validation
 * reports them in files.
 */
public final class DownwardApi {

    /** The pod fields an env var may read (the API server's validEnvDownwardAPIFieldPathExpressions), sorted. */
    public static final List<String> ENV_FIELD_PATHS = List.of("metadata.name", "metadata.namespace",
            "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs",
            "status.podIP", "status.podIPs");

    /** The pod fields a downwardAPI volume file may read (validVolumeDownwardAPIFieldPathExpressions), sorted. */
    public static final List<String> VOLUME_FIELD_PATHS = List.of("metadata.annotations", "metadata.labels",
            "metadata.name", "metadata.namespace", "metadata.uid");

    /** The container resources a downward API value may read, besides {@code limits.hugepages-*} and {@code requests.hugepages-*}. */
    public static final List<String> CONTAINER_RESOURCES = List.of("limits.cpu", "limits.ephemeral-storage",
            "limits.memory", "requests.cpu", "requests.ephemeral-storage", "requests.memory");

    /**
     * Every field label the downward API knows (some only for volume files); anything else is not
     * a pod field at all, and the API server says so differently.
     */
    public static final List<String> FIELD_LABELS = List.of("metadata.annotations", "metadata.labels",
            "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.restartPolicy",
            "spec.schedulerName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.phase",
            "status.podIP", "status.podIPs");

    private static final Pattern SUBSCRIPT = Pattern.compile("(metadata\\.(?:labels|annotations))\\['(.*)'\\]");

    private DownwardApi() {
    }

    /** Whether a container resource may be read through the downward API ({@code resourceFieldRef.resource}). */
    public static boolean isContainerResource(String resource) {
        return CONTAINER_RESOURCES.contains(resource) || resource.startsWith("limits.hugepages-")
                || resource.startsWith("requests.hugepages-");
    }

    /**
     * For one label or annotation ({@code metadata.labels['app']}): what is wrong with its key,
     * empty when nothing is; {@code null} when the path reads no single label or annotation.
     */
    public static List<String> subscriptKeyProblems(String fieldPath) {
        var subscript = SUBSCRIPT.matcher(fieldPath);
        if (!subscript.matches()) {
            return null;
        }
        var key = subscript.group(2);
        return subscript.group(1).endsWith("labels") ? Names.labelKey(key) : Names.annotationKey(key);
    }
}
