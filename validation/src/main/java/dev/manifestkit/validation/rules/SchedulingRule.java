package dev.manifestkit.validation.rules;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tolerations, topology spread constraints, scheduling gates and readiness gates as the API
 * server checks them: the scheduler never sees a pod whose placement terms do not parse.
 */
final class SchedulingRule extends BaseRule {

    private static final String[] EFFECTS = {"NoExecute", "NoSchedule", "PreferNoSchedule"};
    private static final String[] WHEN_UNSATISFIABLE = {"DoNotSchedule", "ScheduleAnyway"};
    private static final String[] POLICIES = {"Honor", "Ignore"};
    private static final String[] POLICY_FIELDS = {"nodeAffinityPolicy", "nodeTaintsPolicy"};

    SchedulingRule() {
        super("api/scheduling", Layer.API, Severity.ERROR,
                "Tolerations: key a qualified name (or empty with operator Exists), operator Equal or Exists, no "
                        + "value with Exists, a known effect, tolerationSeconds only with NoExecute. Topology spread "
                        + "constraints: maxSkew and minDomains above 0, a topologyKey, a known whenUnsatisfiable, "
                        + "each topologyKey/whenUnsatisfiable pair once. Scheduling gates and readiness gates: "
                        + "qualified names, scheduling gates each once, and no nodeName on a Pod with scheduling gates.");
    }

    @Override
    public void check(RuleContext context) {
        var pod = PodSpecs.of(context);
        if (pod == null) {
            return;
        }
        tolerations(context, pod.spec(), "tolerations", pod.path());
        gates(context, pod);
        var lastOfPair = lastOfPair(Nodes.arr(pod.spec(), "topologySpreadConstraints"));
        Nodes.forEachObject(pod.spec(), "topologySpreadConstraints", pod.path(), (constraint, path, i) -> {
            var maxSkew = Nodes.get(constraint, "maxSkew");
            if (Nodes.isInt(maxSkew) && maxSkew.longValue() <= 0) {
                context.report(path.child("maxSkew"), ErrorType.INVALID, maxSkew.toString(), "must be greater than zero");
            }
            // the API server wants a key, of any syntax: a node label the scheduler looks up
            var topologyKey = Nodes.str(constraint, "topologyKey");
            if (topologyKey != null && topologyKey.isEmpty()) {
                context.report(path.child("topologyKey"), ErrorType.REQUIRED, "can not be empty");
            }
            var when = Nodes.str(constraint, "whenUnsatisfiable");
            if (when != null && !Nodes.oneOf(when, WHEN_UNSATISFIABLE)) {
                context.report(path.child("whenUnsatisfiable"), ErrorType.NOT_SUPPORTED, Nodes.quote(when),
                        Nodes.supported(WHEN_UNSATISFIABLE));
            }
            // reported on the first of a repeated pair, as the API server does
            if (topologyKey != null && when != null && lastOfPair.getOrDefault(List.of(topologyKey, when), -1) > i) {
                context.report(path.child("{topologyKey, whenUnsatisfiable}"), ErrorType.DUPLICATE,
                        Nodes.quote("{" + topologyKey + ", " + when + "}"), "");
            }
            var minDomains = Nodes.get(constraint, "minDomains");
            if (Nodes.isInt(minDomains)) {
                if (minDomains.longValue() <= 0) {
                    context.report(path.child("minDomains"), ErrorType.INVALID, minDomains.toString(),
                            "must be greater than zero");
                } else if (when != null && !when.equals("DoNotSchedule")) {
                    context.report(path.child("minDomains"), ErrorType.INVALID, minDomains.toString(),
                            "can only use minDomains if whenUnsatisfiable=DoNotSchedule, not " + when);
                }
            }
            for (var policy : POLICY_FIELDS) {
                var value = Nodes.str(constraint, policy);
                if (value != null && !Nodes.oneOf(value, POLICIES)) {
                    context.report(path.child(policy), ErrorType.NOT_SUPPORTED, Nodes.quote(value),
                            Nodes.supported(POLICIES));
                }
            }
        });
    }

    /**
     * The tolerations listed at {@code parent.field} ({@code ValidateTolerations}); also used for
     * the tolerations a pod annotation carries.
     */
    static void tolerations(RuleContext context, ObjectNode parent, String field, FieldPath parentPath) {
        Nodes.forEachObject(parent, field, parentPath, (toleration, path, i) -> {
            var key = Nodes.str(toleration, "key");
            var operator = Nodes.str(toleration, "operator");
            var value = Nodes.str(toleration, "value");
            var effect = Nodes.str(toleration, "effect");
            if (key != null && !key.isEmpty()) {
                for (var msg : Names.qualifiedName(key)) {
                    context.report(path.child("key"), ErrorType.INVALID, Nodes.quote(key), msg);
                }
            } else if (!"Exists".equals(operator)) {
                context.report(path.child("operator"), ErrorType.INVALID, Nodes.quote(operator == null ? "" : operator),
                        "operator must be Exists when `key` is empty, which means \"match all values and all keys\"");
            }
            var seconds = Nodes.get(toleration, "tolerationSeconds");
            if (seconds != null && !seconds.isNull() && !"NoExecute".equals(effect)) {
                context.report(path.child("effect"), ErrorType.INVALID, Nodes.quote(effect == null ? "" : effect),
                        "effect must be 'NoExecute' when `tolerationSeconds` is set");
            }
            if (operator == null || operator.isEmpty() || operator.equals("Equal")) {
                if (value != null) {
                    for (var msg : Names.labelValue(value)) {
                        context.report(path.child("operator"), ErrorType.INVALID, Nodes.quote(value), msg);
                    }
                }
            } else if (operator.equals("Exists")) {
                if (value != null && !value.isEmpty()) {
                    context.report(path.child("operator"), ErrorType.INVALID, Nodes.quote(value),
                            "value must be empty when `operator` is 'Exists'");
                }
            } else {
                context.report(path.child("operator"), ErrorType.NOT_SUPPORTED, Nodes.quote(operator),
                        Nodes.supported("Equal", "Exists"));
            }
            if (effect != null && !effect.isEmpty() && !Nodes.oneOf(effect, EFFECTS)) {
                context.report(path.child("effect"), ErrorType.NOT_SUPPORTED, Nodes.quote(effect),
                        Nodes.supported(EFFECTS));
            }
        });
    }

    private static void gates(RuleContext context, PodSpecs.PodSpec pod) {
        var schedulingGates = Nodes.arr(pod.spec(), "schedulingGates");
        var nodeName = Nodes.str(pod.spec(), "nodeName");
        if (!pod.isTemplate() && schedulingGates != null && !schedulingGates.isEmpty() && nodeName != null
                && !nodeName.isEmpty()) {
            context.report(pod.path().child("nodeName"), ErrorType.FORBIDDEN,
                    "cannot be set until all schedulingGates have been cleared");
        }
        if (schedulingGates != null) {
            var seen = new HashSet<String>();
            var listPath = pod.path().child("schedulingGates");
            for (int i = 0; i < schedulingGates.size(); i++) {
                var name = Nodes.str(schedulingGates.get(i), "name");
                if (name == null) {
                    continue;
                }
                for (var msg : Names.qualifiedName(name)) {
                    context.report(listPath.index(i), ErrorType.INVALID, Nodes.quote(name), msg);
                }
                if (!seen.add(name)) {
                    context.report(listPath.index(i), ErrorType.DUPLICATE, Nodes.quote(name), "");
                }
            }
        }
        Nodes.forEachObject(pod.spec(), "readinessGates", pod.path(), (gate, path, i) -> {
            var conditionType = Nodes.str(gate, "conditionType");
            if (conditionType != null) {
                for (var msg : Names.qualifiedName(conditionType)) {
                    context.report(path.child("conditionType"), ErrorType.INVALID, Nodes.quote(conditionType), msg);
                }
            }
        });
    }

    /**
     * The index of the last constraint of each topologyKey and whenUnsatisfiable: one pass, so a
     * pod of 100,000 constraints is not 5 billion comparisons.
     */
    private static Map<List<String>, Integer> lastOfPair(ArrayNode constraints) {
        var last = new HashMap<List<String>, Integer>();
        for (int j = 0; constraints != null && j < constraints.size(); j++) {
            var other = constraints.get(j);
            var topologyKey = Nodes.str(other, "topologyKey");
            var when = Nodes.str(other, "whenUnsatisfiable");
            if (topologyKey != null && when != null) {
                last.put(List.of(topologyKey, when), j);
            }
        }
        return last;
    }
}
