package dev.manifestkit.validation.rules;

import java.math.BigDecimal;
import java.util.ArrayList;

import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A HorizontalPodAutoscaler as {@code ValidateHorizontalPodAutoscaler} (autoscaling) checks it on
 * create: replica bounds (minReplicas at least 1 while the alpha HPAScaleToZero gate is off), a
 * scale target named by path segments, each metric of one supported source type with that
 * source alone and a target it can use, and scaling behavior within the server's limits. An
 * omitted {@code behavior.scaleUp/scaleDown.policies} is defaulted; an empty list is not.
 */
final class HorizontalPodAutoscalerRule extends BaseRule {

    private static final int MAX_PERIOD_SECONDS = 1800;
    private static final int MAX_STABILIZATION_WINDOW_SECONDS = 3600;
    private static final String[] SOURCE_TYPES = {"ContainerResource", "External", "Object", "Pods", "Resource"};
    private static final String[] SOURCE_FIELDS = {"object", "external", "pods", "resource", "containerResource"};
    private static final String[] SELECT_POLICIES = {"Disabled", "Max", "Min"};
    private static final String[] POLICY_TYPES = {"Percent", "Pods"};
    private static final FieldPath SPEC = FieldPath.root("spec");

    HorizontalPodAutoscalerRule() {
        super("api/autoscaler", Layer.API, Severity.ERROR,
                "A HorizontalPodAutoscaler has minReplicas of at least 1 and maxReplicas of at least 1 and minReplicas; "
                        + "its scaleTargetRef (and an Object metric's describedObject) names a kind and object usable as "
                        + "URL path segments; each autoscaling/v2 metric has a supported type, the source of that type and "
                        + "no other, a metric name, a target of type Utilization, Value or AverageValue with positive "
                        + "values and the value its source needs (Resource and ContainerResource: averageUtilization or "
                        + "averageValue, not both; Pods: averageValue; Object: value or averageValue; External: one of "
                        + "them), a ContainerResource a container name that is a DNS label; scaling behavior has a "
                        + "stabilizationWindowSeconds from 0 to " + MAX_STABILIZATION_WINDOW_SECONDS + ", a selectPolicy "
                        + "Max, Min or Disabled, and policies (when given, at least one) of type Pods or Percent with a "
                        + "value above 0 and periodSeconds from 1 to " + MAX_PERIOD_SECONDS + ", and from 1.35 a tolerance "
                        + "that is not negative.");
    }

    @Override
    public void check(RuleContext context) {
        var tree = context.tree();
        if (!Nodes.kind(tree).equals("HorizontalPodAutoscaler")) {
            return;
        }
        var apiVersion = Nodes.str(tree, "apiVersion");
        if (apiVersion == null || !apiVersion.startsWith("autoscaling/")) {
            return;
        }
        var spec = Nodes.obj(tree, "spec");
        if (spec == null) {
            return;
        }
        var min = Nodes.get(spec, "minReplicas");
        if (Nodes.isInt(min) && min.longValue() < 1) {
            context.report(SPEC.child("minReplicas"), ErrorType.INVALID, Nodes.show(min),
                    "must be greater than or equal to 1");
        }
        var max = Nodes.get(spec, "maxReplicas");
        if (Nodes.isInt(max)) {
            if (max.longValue() < 1) {
                context.report(SPEC.child("maxReplicas"), ErrorType.INVALID, Nodes.show(max), "must be greater than 0");
            }
            if (Nodes.isInt(min) && max.longValue() < min.longValue()) {
                context.report(SPEC.child("maxReplicas"), ErrorType.INVALID, Nodes.show(max),
                        "must be greater than or equal to `minReplicas`");
            }
        }
        reference(context, Nodes.obj(spec, "scaleTargetRef"), SPEC.child("scaleTargetRef"));
        if (!apiVersion.equals("autoscaling/v1")) {
            Nodes.forEachObject(spec, "metrics", SPEC, (metric, path, i) -> metric(context, metric, path));
            var behavior = Nodes.obj(spec, "behavior");
            for (var direction : new String[] {"scaleUp", "scaleDown"}) {
                var rules = Nodes.obj(behavior, direction);
                if (rules != null) {
                    scalingRules(context, rules, SPEC.child("behavior", direction));
                }
            }
        }
    }

    /** ValidateCrossVersionObjectReference: kind and name given, each a path segment. */
    private static void reference(RuleContext context, ObjectNode ref, FieldPath path) {
        if (ref == null) {
            return; // absent: the schema layer's finding
        }
        for (var field : new String[] {"kind", "name"}) {
            var value = Nodes.str(ref, field);
            if (value == null) {
                continue; // absent or not a string: the schema layer's finding
            }
            if (value.isEmpty()) {
                context.report(path.child(field), ErrorType.REQUIRED, "");
            } else {
                for (var msg : PathSegments.check(value)) {
                    context.report(path.child(field), ErrorType.INVALID, Nodes.quote(value), msg);
                }
            }
        }
    }

    /** validateMetricSpec and the source it names. */
    private static void metric(RuleContext context, ObjectNode metric, FieldPath path) {
        var type = Nodes.str(metric, "type");
        if (type != null && !Nodes.oneOf(type, SOURCE_TYPES)) {
            context.report(path.child("type"), ErrorType.NOT_SUPPORTED, Nodes.quote(type), Nodes.supported(SOURCE_TYPES));
        }
        var present = new ArrayList<String>();
        for (var field : SOURCE_FIELDS) {
            var source = Nodes.obj(metric, field);
            if (source == null) {
                continue;
            }
            present.add(field);
            if (present.size() == 1) {
                source(context, field, source, path.child(field));
            }
        }
        String expected = null;
        if (type != null && Nodes.oneOf(type, SOURCE_TYPES)) {
            expected = Character.toLowerCase(type.charAt(0)) + type.substring(1);
            if (!present.contains(expected)) {
                context.report(path.child(expected), ErrorType.REQUIRED,
                        "must populate information for the given metric source");
            }
        }
        if (present.size() != 1) {
            for (var field : present) {
                if (!field.equals(expected)) {
                    context.report(path.child(field), ErrorType.FORBIDDEN, "must populate the given metric source only");
                }
            }
        }
    }

    private static void source(RuleContext context, String field, ObjectNode source, FieldPath path) {
        var target = Nodes.obj(source, "target");
        var targetPath = path.child("target");
        if (target != null) {
            target(context, target, targetPath);
        }
        boolean value = Nodes.has(target, "value");
        boolean averageValue = Nodes.has(target, "averageValue");
        boolean utilization = Nodes.has(target, "averageUtilization");
        switch (field) {
            case "object" -> {
                reference(context, Nodes.obj(source, "describedObject"), path.child("describedObject"));
                metricName(context, source, path);
                if (!value && !averageValue) {
                    context.report(targetPath.child("averageValue"), ErrorType.REQUIRED,
                            "must set either a target value or averageValue");
                }
            }
            case "external" -> {
                metricName(context, source, path);
                if (!value && !averageValue) {
                    context.report(targetPath.child("averageValue"), ErrorType.REQUIRED,
                            "must set either a target value for metric or a per-pod target");
                }
                if (value && averageValue) {
                    context.report(targetPath.child("value"), ErrorType.FORBIDDEN,
                            "may not set both a target value for metric and a per-pod target");
                }
            }
            case "pods" -> {
                metricName(context, source, path);
                if (!averageValue) {
                    context.report(targetPath.child("averageValue"), ErrorType.REQUIRED,
                            "must specify a positive target averageValue");
                }
            }
            default -> { // resource, containerResource
                var name = Nodes.str(source, "name");
                if (name != null && name.isEmpty()) {
                    context.report(path.child("name"), ErrorType.REQUIRED, "must specify a resource name");
                }
                if (field.equals("containerResource")) {
                    var container = Nodes.str(source, "container");
                    if (container != null && container.isEmpty()) {
                        context.report(path.child("container"), ErrorType.REQUIRED, "must specify a container");
                    } else if (container != null) {
                        for (var msg : Names.dns1123Label(container)) {
                            context.report(path.child("container"), ErrorType.INVALID, Nodes.quote(container), msg);
                        }
                    }
                }
                if (!utilization && !averageValue) {
                    context.report(targetPath.child("averageUtilization"), ErrorType.REQUIRED,
                            "must set either a target raw value or a target utilization");
                }
                if (utilization && averageValue) {
                    context.report(targetPath.child("averageValue"), ErrorType.FORBIDDEN,
                            "may not set both a target raw value and a target utilization");
                }
            }
        }
    }

    /** validateMetricIdentifier: a name that is a path segment. */
    private static void metricName(RuleContext context, ObjectNode source, FieldPath path) {
        var name = Nodes.str(Nodes.obj(source, "metric"), "name");
        var namePath = path.child("metric", "name");
        if (name == null) {
            return; // absent: the schema layer's finding
        }
        if (name.isEmpty()) {
            context.report(namePath, ErrorType.REQUIRED, "must specify a metric name");
        }
        for (var msg : PathSegments.check(name)) {
            context.report(namePath, ErrorType.INVALID, Nodes.quote(name), msg);
        }
    }

    /** validateMetricTarget. */
    private static void target(RuleContext context, ObjectNode target, FieldPath path) {
        var type = Nodes.str(target, "type");
        if (type != null && !Nodes.oneOf(type, "Utilization", "Value", "AverageValue")) {
            context.report(path.child("type"), ErrorType.INVALID, Nodes.quote(type),
                    "must be either Utilization, Value, or AverageValue");
        }
        for (var field : new String[] {"value", "averageValue"}) {
            var quantity = Nodes.get(target, field);
            if (quantity == null) {
                continue;
            }
            BigDecimal amount = Quantities.of(quantity);
            if (amount != null && amount.signum() != 1) {
                context.report(path.child(field), ErrorType.INVALID, Quantities.show(quantity), "must be positive");
            }
        }
        var utilization = Nodes.get(target, "averageUtilization");
        if (Nodes.isInt(utilization) && utilization.longValue() < 1) {
            context.report(path.child("averageUtilization"), ErrorType.INVALID, Nodes.show(utilization),
                    "must be greater than 0");
        }
    }

    /** validateScalingRules, after SetDefaults_HorizontalPodAutoscalerBehavior filled in what was omitted. */
    private static void scalingRules(RuleContext context, ObjectNode rules, FieldPath path) {
        var window = Nodes.get(rules, "stabilizationWindowSeconds");
        if (Nodes.isInt(window)) {
            if (window.longValue() < 0) {
                context.report(path.child("stabilizationWindowSeconds"), ErrorType.INVALID, Nodes.show(window),
                        "must be greater than or equal to zero");
            }
            if (window.longValue() > MAX_STABILIZATION_WINDOW_SECONDS) {
                context.report(path.child("stabilizationWindowSeconds"), ErrorType.INVALID, Nodes.show(window),
                        "must be less than or equal to " + MAX_STABILIZATION_WINDOW_SECONDS);
            }
        }
        // HPAConfigurableTolerance: alpha (off) in 1.33 and 1.34, where the strategy's dropDisabledFields
        // clears the field before validation; beta and on from 1.35
        var tolerance = Nodes.get(rules, "tolerance");
        if (tolerance != null && context.version().atLeast(1, 35)) {
            BigDecimal amount = Quantities.of(tolerance);
            if (amount != null && amount.signum() < 0) {
                context.report(path.child("tolerance"), ErrorType.INVALID, Quantities.show(tolerance),
                        "must be greater or equal to zero");
            }
        }
        var select = Nodes.str(rules, "selectPolicy");
        if (select != null && !Nodes.oneOf(select, SELECT_POLICIES)) {
            context.report(path.child("selectPolicy"), ErrorType.NOT_SUPPORTED, Nodes.quote(select),
                    Nodes.supported(SELECT_POLICIES));
        }
        var policies = Nodes.arr(rules, "policies");
        if (policies != null && policies.isEmpty()) {
            context.report(path.child("policies"), ErrorType.REQUIRED, "must specify at least one Policy");
        }
        Nodes.forEachObject(rules, "policies", path, (policy, policyPath, i) -> {
            var type = Nodes.str(policy, "type");
            if (type != null && !Nodes.oneOf(type, POLICY_TYPES)) {
                context.report(policyPath.child("type"), ErrorType.NOT_SUPPORTED, Nodes.quote(type),
                        Nodes.supported(POLICY_TYPES));
            }
            positive(context, Nodes.get(policy, "value"), policyPath.child("value"), Long.MAX_VALUE);
            positive(context, Nodes.get(policy, "periodSeconds"), policyPath.child("periodSeconds"), MAX_PERIOD_SECONDS);
        });
    }

    private static void positive(RuleContext context, JsonNode value, FieldPath path, long max) {
        if (!Nodes.isInt(value)) {
            return;
        }
        if (value.longValue() <= 0) {
            context.report(path, ErrorType.INVALID, Nodes.show(value), "must be greater than zero");
        }
        if (value.longValue() > max) {
            context.report(path, ErrorType.INVALID, Nodes.show(value), "must be less than or equal to " + max);
        }
    }
}
