package dev.manifestkit.validation;

import java.util.HashSet;
import java.util.Set;

/** How users name rules: by id, or by a prefix ending at a slash ({@code lint} covers {@code lint/image-tag}, not {@code lint/image}). */
final class RuleIds {

    /** The annotation listing rule ids to ignore on one object: {@code "lint/image-tag,api/port-name"}. */
    static final String IGNORE_ANNOTATION = "manifestkit.dev/ignore";

    private RuleIds() {
    }

    static boolean matches(String pattern, String id) {
        return id.equals(pattern) || id.startsWith(pattern + "/");
    }

    static boolean matchesAny(Set<String> patterns, String id) {
        if (patterns.isEmpty()) {
            return false;
        }
        for (var pattern : patterns) {
            if (matches(pattern, id)) {
                return true;
            }
        }
        return false;
    }

    /** The ids listed in the object's ignore annotation; empty when there is none. */
    static Set<String> ignoredBy(tools.jackson.databind.node.ObjectNode tree) {
        var value = tree.path("metadata").path("annotations").path(IGNORE_ANNOTATION);
        if (!value.isString()) {
            return Set.of();
        }
        var ids = new HashSet<String>();
        for (var id : value.asString().split("[,\\s]+")) {
            if (!id.isBlank()) {
                ids.add(id.trim());
            }
        }
        return Set.copyOf(ids);
    }
}
