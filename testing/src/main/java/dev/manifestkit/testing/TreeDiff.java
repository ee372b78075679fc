package dev.manifestkit.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.manifestkit.validation.FieldPath;
import tools.jackson.databind.JsonNode;

/**
 * The differences between two object trees, each one line with the field path the API server
 * would print: {@code spec.replicas: expected 3 but was 1}. Key order never matters; list order
 * does, as it does to Kubernetes; numbers compare by value ({@code 1} equals {@code 1.0}) and a
 * string never equals a number or a boolean ({@code "6379"} is not {@code 6379}); an empty object
 * or list equals its absence ({@code status: {}}), except where emptiness has a meaning
 * ({@code emptyDir: {}}).
 */
final class TreeDiff {

    /** Fields whose children are map entries (printed {@code labels[tier]}), not struct fields. */
    private static final Set<String> MAP_FIELDS = Set.of("labels", "annotations", "data", "stringData",
            "binaryData", "matchLabels", "nodeSelector", "capacity", "requests", "limits", "parameters");

    /** Fields whose empty value differs from their absence (as in core's canonical trees). */
    private static final Set<String> MEANINGFUL_EMPTY =
            Set.of("emptyDir", "podSelector", "namespaceSelector", "selector", "labelSelector");

    private static final int MAX_VALUE_LENGTH = 80;

    private TreeDiff() {
    }

    /** The values of a Secret, which a failure message must not print. */
    private static final Set<String> SECRET_VALUES = Set.of("data", "stringData");
    private static final String REDACTED = "[redacted]";

    /**
     * Every difference, in document order; empty when the trees are equal. The values under a
     * Secret's {@code data} and {@code stringData} show as {@code [redacted]}: a failing test must
     * not print a password into the build log.
     */
    static List<String> differences(JsonNode expected, JsonNode actual) {
        var out = new ArrayList<String>();
        boolean secret = isSecret(expected) || isSecret(actual);
        compare(FieldPath.root(), null, expected, actual, secret, out);
        return out;
    }

    private static boolean isSecret(JsonNode tree) {
        var kind = tree.get("kind");
        return kind != null && kind.isString() && kind.asString().equals("Secret");
    }

    /** {@code secret}: at a Secret's root (to find its values), or inside its values (to hide them). */
    private static void compare(FieldPath path, String field, JsonNode expected, JsonNode actual, boolean secret,
                                List<String> out) {
        boolean hidden = secret && !path.toString().isEmpty();
        if (expected.isObject() && actual.isObject()) {
            var names = new TreeSet<String>(expected.propertyNames());
            names.addAll(actual.propertyNames());
            boolean map = isMap(field, expected, actual);
            for (var name : names) {
                var child = map ? path.key(name) : path.child(name);
                boolean childSecret = hidden || secret && SECRET_VALUES.contains(name);
                var e = expected.get(name);
                var a = actual.get(name);
                if (a == null) {
                    if (!isVacuous(name, e)) {
                        out.add(where(child) + "missing, expected " + show(e, childSecret));
                    }
                } else if (e == null) {
                    if (!isVacuous(name, a)) {
                        out.add(where(child) + "unexpected " + show(a, childSecret));
                    }
                } else {
                    compare(child, name, e, a, childSecret, out);
                }
            }
        } else if (expected.isArray() && actual.isArray()) {
            int common = Math.min(expected.size(), actual.size());
            for (int i = 0; i < common; i++) {
                compare(path.index(i), field, expected.get(i), actual.get(i), hidden, out);
            }
            for (int i = common; i < expected.size(); i++) {
                out.add(where(path.index(i)) + "missing, expected " + show(expected.get(i), hidden));
            }
            for (int i = common; i < actual.size(); i++) {
                out.add(where(path.index(i)) + "unexpected " + show(actual.get(i), hidden));
            }
        } else if (!sameScalar(expected, actual)) {
            out.add(where(path) + "expected " + show(expected, hidden) + " but was " + show(actual, hidden));
        }
    }

    /**
     * True for a value Kubernetes treats as absent: an empty object or list ({@code status: {}},
     * {@code resources: {}}), or an object holding only such values, except where emptiness means
     * something ({@code emptyDir: {}}, an empty selector that selects everything).
     */
    private static boolean isVacuous(String field, JsonNode value) {
        if (MEANINGFUL_EMPTY.contains(field) || !value.isContainer()) {
            return false;
        }
        if (value.isArray()) {
            return value.isEmpty();
        }
        return value.properties().stream().allMatch(e -> isVacuous(e.getKey(), e.getValue()));
    }

    private static boolean isMap(String field, JsonNode expected, JsonNode actual) {
        if (field == null) {
            return false;
        }
        if (MAP_FIELDS.contains(field)) {
            return true;
        }
        // a Service's spec.selector is a plain label map; a Deployment's has matchLabels inside
        return field.equals("selector") && onlyScalars(expected) && onlyScalars(actual);
    }

    private static boolean onlyScalars(JsonNode node) {
        for (var value : node.values()) {
            if (value.isContainer()) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameScalar(JsonNode expected, JsonNode actual) {
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        return expected.equals(actual);
    }

    private static String where(FieldPath path) {
        var text = path.toString();
        return (text.isEmpty() ? "(document)" : text) + ": ";
    }

    private static String show(JsonNode value, boolean hidden) {
        return hidden ? REDACTED : show(value);
    }

    /** The value as JSON, so a string shows its quotes; long values are cut. */
    static String show(JsonNode value) {
        var text = value.toString();
        return text.length() <= MAX_VALUE_LENGTH ? text : text.substring(0, MAX_VALUE_LENGTH - 1) + "…";
    }
}
