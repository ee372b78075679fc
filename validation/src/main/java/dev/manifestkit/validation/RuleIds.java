package dev.manifestkit.validation;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How users name rules: by id, or by a prefix ending at a slash ({@code lint} covers
 * {@code lint/image-tag}, not {@code lint/image}), in {@code Validator.Builder.disable},
 * {@code severity} and the {@value #IGNORE_ANNOTATION} annotation alike.
 */
public final class RuleIds {

    /** The annotation listing rule ids to ignore on one object: {@code "lint/image-tag,api/port-name"}. */
    public static final String IGNORE_ANNOTATION = "manifestkit.dev/ignore";

    private RuleIds() {
    }

    /** True if {@code pattern} names the rule {@code id}: it is the id, or a prefix of it ending at a slash. */
    public static boolean matches(String pattern, String id) {
        return id.equals(pattern) || id.startsWith(pattern + "/");
    }

    /** True if {@code pattern} names at least one of these rule ids. */
    public static boolean namesAny(String pattern, Collection<String> ids) {
        for (var id : ids) {
            if (matches(pattern, id)) {
                return true;
            }
        }
        return false;
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

    /**
     * The ids an ignore annotation's value lists, separated by commas and whitespace, in the order
     * written and each once.
     */
    public static List<String> listedIn(String annotationValue) {
        var ids = new LinkedHashSet<String>();
        for (var id : annotationValue.split("[,\\s]+")) {
            if (!id.isBlank()) {
                ids.add(id.trim());
            }
        }
        return List.copyOf(ids);
    }

    /** True if the object's ignore annotation names the rule {@code id} or a prefix of it. */
    public static boolean ignores(tools.jackson.databind.node.ObjectNode tree, String id) {
        return matchesAny(ignoredBy(tree), id);
    }

    /** The ids listed in the object's ignore annotation; empty when there is none. */
    static Set<String> ignoredBy(tools.jackson.databind.node.ObjectNode tree) {
        var value = tree.path("metadata").path("annotations").path(IGNORE_ANNOTATION);
        if (!value.isString()) {
            return Set.of();
        }
        return Set.copyOf(listedIn(value.asString()));
    }
}
