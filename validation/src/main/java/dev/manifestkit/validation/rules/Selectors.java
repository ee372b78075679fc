package dev.manifestkit.validation.rules;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Label selector matching, as the API server and controllers do it. */
final class Selectors {

    private Selectors() {
    }

    /** True if every entry of a plain selector map ({@code app: web}) is among the labels. */
    static boolean mapMatches(ObjectNode selector, ObjectNode labels) {
        if (selector == null) {
            return true;
        }
        for (var entry : selector.properties()) {
            var value = Nodes.get(labels, entry.getKey());
            if (value == null || !value.equals(entry.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** True if a LabelSelector (matchLabels and matchExpressions) selects the labels. */
    static boolean matches(ObjectNode selector, ObjectNode labels) {
        if (!mapMatches(Nodes.obj(selector, "matchLabels"), labels)) {
            return false;
        }
        var expressions = Nodes.arr(selector, "matchExpressions");
        if (expressions == null) {
            return true;
        }
        for (var expression : expressions) {
            if (!expressionMatches(expression, labels)) {
                return false;
            }
        }
        return true;
    }

    /** True if the selector has neither matchLabels nor matchExpressions entries. */
    static boolean isEmpty(ObjectNode selector) {
        var matchLabels = Nodes.obj(selector, "matchLabels");
        var expressions = Nodes.arr(selector, "matchExpressions");
        return (matchLabels == null || matchLabels.isEmpty()) && (expressions == null || expressions.isEmpty());
    }

    private static boolean expressionMatches(JsonNode expression, ObjectNode labels) {
        var key = Nodes.str(expression, "key");
        var operator = Nodes.str(expression, "operator");
        if (key == null || operator == null) {
            return false;
        }
        var actual = Nodes.str(labels, key);
        return switch (operator) {
            case "In" -> actual != null && contains(Nodes.arr(expression, "values"), actual);
            case "NotIn" -> actual == null || !contains(Nodes.arr(expression, "values"), actual);
            case "Exists" -> actual != null;
            case "DoesNotExist" -> actual == null;
            default -> false;
        };
    }

    private static boolean contains(JsonNode values, String value) {
        if (values == null) {
            return false;
        }
        for (var v : values) {
            if (v.isString() && v.asString().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
