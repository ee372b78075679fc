package dev.manifestkit.validation.rules;

import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.RuleContext;
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

    /**
     * {@code ValidateLabelSelector} of a create: the matchLabels' keys and values
     * ({@link LabelSyntaxRule#check}) and the matchExpressions ({@link #checkExpressions}).
     */
    static void check(RuleContext context, ObjectNode selector, FieldPath selectorPath) {
        if (selector != null) {
            LabelSyntaxRule.check(context, Nodes.obj(selector, "matchLabels"), selectorPath.child("matchLabels"));
            checkExpressions(context, selector, selectorPath);
        }
    }

    /**
     * Reports what the API server finds wrong in a label selector's matchExpressions
     * ({@code ValidateLabelSelectorRequirement}): the operator and its values, a key that is not
     * a label name, values that are not label values. True if the expressions are usable.
     */
    static boolean checkExpressions(RuleContext context, ObjectNode selector, FieldPath selectorPath) {
        boolean[] ok = {true};
        Nodes.forEachObject(selector, "matchExpressions", selectorPath, (expression, path, i) -> {
            var operator = Nodes.str(expression, "operator");
            var values = Nodes.arr(expression, "values");
            boolean hasValues = values != null && !values.isEmpty();
            if (Nodes.oneOf(operator, "In", "NotIn")) {
                if (!hasValues) {
                    ok[0] = false;
                    context.report(path.child("values"), ErrorType.REQUIRED,
                            "must be specified when `operator` is 'In' or 'NotIn'");
                }
            } else if (Nodes.oneOf(operator, "Exists", "DoesNotExist")) {
                if (hasValues) {
                    ok[0] = false;
                    context.report(path.child("values"), ErrorType.FORBIDDEN,
                            "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
                }
            } else {
                ok[0] = false;
                if (operator != null) { // absent: the schema layer reports it
                    context.report(path.child("operator"), ErrorType.INVALID, Nodes.quote(operator),
                            "not a valid selector operator");
                }
            }
            var key = Nodes.str(expression, "key");
            if (key != null) {
                for (var msg : Names.qualifiedName(key)) {
                    ok[0] = false;
                    context.report(path.child("key"), ErrorType.INVALID, Nodes.quote(key), msg);
                }
            }
            for (int v = 0; values != null && v < values.size(); v++) {
                if (values.get(v).isString()) {
                    for (var msg : Names.labelValue(values.get(v).asString())) {
                        ok[0] = false;
                        context.report(path.child("values").index(v), ErrorType.INVALID,
                                Nodes.quote(values.get(v).asString()), msg);
                    }
                }
            }
        });
        return ok[0];
    }
}
