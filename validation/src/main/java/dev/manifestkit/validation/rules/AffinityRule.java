package dev.manifestkit.validation.rules;

import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Node and pod affinity as the API server checks them ({@code validateAffinity}), and the label
 * selectors of topology spread constraints. An affinity the scheduler cannot read is not ignored:
 * the pod is rejected.
 */
final class AffinityRule extends BaseRule {

    private static final String WEIGHT_RANGE = "must be in the range 1-100";

    AffinityRule() {
        super("api/affinity", Layer.API, Severity.ERROR,
                "Node affinity (of pods and PersistentVolumes): required terms exist, expressions use In/NotIn with values, Exists/DoesNotExist "
                        + "without, Gt/Lt with one, on label-name keys, a required term's values label values; matchFields only metadata.name with In/NotIn "
                        + "and one value; preferred weights 1-100. Pod (anti-)affinity terms have a topologyKey that "
                        + "is a label name, valid label selectors and namespace names, weights 1-100, match/mismatchLabelKeys "
                        + "that are label names, next to a labelSelector, not in both lists. Topology spread "
                        + "label selectors are valid, and so are their matchLabelKeys (before 1.34, keys not also in the "
                        + "labelSelector).");
    }

    @Override
    public void check(RuleContext context) {
        var persistentVolume = Nodes.specOf(context.tree(), "PersistentVolume");
        if (persistentVolume != null) {
            // the nodes that can reach the volume: a node selector like a pod's required node affinity
            var required = Nodes.obj(persistentVolume, "nodeAffinity", "required");
            if (required != null) {
                nodeSelector(context, required, FieldPath.root("spec").child("nodeAffinity", "required"));
            }
            return;
        }
        var pod = PodSpecs.of(context);
        if (pod == null) {
            return;
        }
        var affinity = Nodes.obj(pod.spec(), "affinity");
        var path = pod.path().child("affinity");
        var nodeAffinity = Nodes.obj(affinity, "nodeAffinity");
        if (nodeAffinity != null) {
            nodeAffinity(context, nodeAffinity, path.child("nodeAffinity"));
        }
        for (var field : new String[] {"podAffinity", "podAntiAffinity"}) {
            var podAffinity = Nodes.obj(affinity, field);
            if (podAffinity != null) {
                podAffinity(context, podAffinity, path.child(field));
            }
        }
        Nodes.forEachObject(pod.spec(), "topologySpreadConstraints", pod.path(), (constraint, constraintPath, i) -> {
            selector(context, Nodes.obj(constraint, "labelSelector"), constraintPath.child("labelSelector"));
            labelKeys(context, constraint, "matchLabelKeys", constraintPath);
            if (!context.version().atLeast(1, 34)) {
                legacyMatchLabelKeys(context, constraint, constraintPath);
            }
        });
    }

    private static void nodeAffinity(RuleContext context, ObjectNode nodeAffinity, FieldPath path) {
        var required = Nodes.obj(nodeAffinity, "requiredDuringSchedulingIgnoredDuringExecution");
        if (required != null) {
            nodeSelector(context, required, path.child("requiredDuringSchedulingIgnoredDuringExecution"));
        }
        Nodes.forEachObject(nodeAffinity, "preferredDuringSchedulingIgnoredDuringExecution", path, (preferred, at, i) -> {
            weight(context, preferred, at);
            var preference = Nodes.obj(preferred, "preference");
            if (preference != null) {
                nodeSelectorTerm(context, preference, at.child("preference"), false);
            }
        });
    }

    /** A required node selector: at least one term, each checked with its values as label values. */
    private static void nodeSelector(RuleContext context, ObjectNode selector, FieldPath path) {
        var termsPath = path.child("nodeSelectorTerms");
        var terms = Nodes.arr(selector, "nodeSelectorTerms");
        if (terms == null || terms.isEmpty()) {
            context.report(termsPath, ErrorType.REQUIRED, "must have at least one node selector term");
            return;
        }
        for (int i = 0; i < terms.size(); i++) {
            if (terms.get(i) instanceof ObjectNode term) {
                nodeSelectorTerm(context, term, termsPath.index(i), true);
            }
        }
    }

    /**
     * One node selector term. The values of a required term's expressions must be label values
     * (a preferred term's are left alone, for terms written before that was checked).
     */
    private static void nodeSelectorTerm(RuleContext context, ObjectNode term, FieldPath path, boolean required) {
        Nodes.forEachObject(term, "matchExpressions", path, (requirement, at, i) -> {
            var operator = Nodes.str(requirement, "operator");
            var list = Nodes.arr(requirement, "values");
            int values = count(list);
            if (Nodes.oneOf(operator, "In", "NotIn")) {
                if (values == 0) {
                    context.report(at.child("values"), ErrorType.REQUIRED, "must be specified when `operator` is 'In' or 'NotIn'");
                }
            } else if (Nodes.oneOf(operator, "Exists", "DoesNotExist")) {
                if (values > 0) {
                    context.report(at.child("values"), ErrorType.FORBIDDEN,
                            "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
                }
            } else if (Nodes.oneOf(operator, "Gt", "Lt")) {
                if (values != 1) {
                    context.report(at.child("values"), ErrorType.REQUIRED,
                            "must be specified single value when `operator` is 'Lt' or 'Gt'");
                }
            } else if (operator != null) {
                context.report(at.child("operator"), ErrorType.INVALID, Nodes.quote(operator), "not a valid selector operator");
            }
            labelName(context, Nodes.str(requirement, "key"), at.child("key"));
            if (required) {
                for (int v = 0; v < values; v++) {
                    if (list.get(v).isString()) {
                        for (var msg : Names.labelValue(list.get(v).asString())) {
                            context.report(at.child("values").index(v), ErrorType.INVALID,
                                    Nodes.quote(list.get(v).asString()), msg);
                        }
                    }
                }
            }
        });
        Nodes.forEachObject(term, "matchFields", path, (requirement, at, i) -> {
            var operator = Nodes.str(requirement, "operator");
            var values = Nodes.arr(requirement, "values");
            if (Nodes.oneOf(operator, "In", "NotIn")) {
                if (count(values) != 1) {
                    context.report(at.child("values"), ErrorType.REQUIRED,
                            "must be only one value when `operator` is 'In' or 'NotIn' for node field selector");
                }
            } else if (operator != null) {
                context.report(at.child("operator"), ErrorType.INVALID, Nodes.quote(operator), "not a valid selector operator");
            }
            var key = Nodes.str(requirement, "key");
            if (key != null && !key.equals("metadata.name")) {
                context.report(at.child("key"), ErrorType.INVALID, Nodes.quote(key), "not a valid field selector key");
            } else if (key != null) {
                for (int v = 0; v < count(values); v++) {
                    if (values.get(v).isString()) {
                        for (var msg : Names.dns1123Subdomain(values.get(v).asString())) {
                            context.report(at.child("values").index(v), ErrorType.INVALID,
                                    Nodes.quote(values.get(v).asString()), msg);
                        }
                    }
                }
            }
        });
    }

    private static void podAffinity(RuleContext context, ObjectNode podAffinity, FieldPath path) {
        Nodes.forEachObject(podAffinity, "requiredDuringSchedulingIgnoredDuringExecution", path,
                (term, at, i) -> podAffinityTerm(context, term, at));
        Nodes.forEachObject(podAffinity, "preferredDuringSchedulingIgnoredDuringExecution", path, (weighted, at, i) -> {
            weight(context, weighted, at);
            var term = Nodes.obj(weighted, "podAffinityTerm");
            if (term != null) {
                podAffinityTerm(context, term, at.child("podAffinityTerm"));
            }
        });
    }

    private static void podAffinityTerm(RuleContext context, ObjectNode term, FieldPath path) {
        selector(context, Nodes.obj(term, "labelSelector"), path.child("labelSelector"));
        selector(context, Nodes.obj(term, "namespaceSelector"), path.child("namespaceSelector"));
        var namespaces = Nodes.arr(term, "namespaces");
        for (int i = 0; i < count(namespaces); i++) {
            if (namespaces.get(i).isString()) {
                String namespace = namespaces.get(i).asString();
                for (var msg : Names.dns1123Label(namespace)) {
                    // the API server's path: "namespace", without an index
                    context.report(path.child("namespace"), ErrorType.INVALID, Nodes.quote(namespace), msg);
                }
            }
        }
        var topologyKey = Nodes.str(term, "topologyKey");
        if (topologyKey != null) {
            if (topologyKey.isEmpty()) {
                context.report(path.child("topologyKey"), ErrorType.REQUIRED, "can not be empty");
            }
            labelName(context, topologyKey, path.child("topologyKey"));
        }
        labelKeys(context, term, "matchLabelKeys", path);
        labelKeys(context, term, "mismatchLabelKeys", path);
        var matchKeys = Nodes.arr(term, "matchLabelKeys");
        var mismatchKeys = Nodes.arr(term, "mismatchLabelKeys");
        if (matchKeys != null && mismatchKeys != null) {
            for (int i = 0; i < matchKeys.size(); i++) {
                for (var other : mismatchKeys) {
                    if (matchKeys.get(i).isString() && matchKeys.get(i).equals(other)) {
                        context.report(path.child("matchLabelKeys").index(i), ErrorType.INVALID,
                                Nodes.quote(matchKeys.get(i).asString()), "exists in both matchLabelKeys and mismatchLabelKeys");
                        break;
                    }
                }
            }
        }
    }

    /**
     * Label keys whose values the scheduler copies from the incoming pod into the selector: label
     * names, and only next to a labelSelector to add them to.
     */
    private static void labelKeys(RuleContext context, ObjectNode holder, String field, FieldPath path) {
        var keys = Nodes.arr(holder, field);
        if (keys == null || keys.isEmpty()) {
            return;
        }
        if (!Nodes.has(holder, "labelSelector")) {
            context.report(path.child(field), ErrorType.FORBIDDEN, "must not be specified when labelSelector is not set");
            return;
        }
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).isString()) {
                labelName(context, keys.get(i).asString(), path.child(field).index(i));
            }
        }
    }

    /**
     * ValidateMatchLabelKeysInTopologySpread, until 1.34 made the API server merge the keys into
     * the selector (MatchLabelKeysInPodTopologySpreadSelectorMerge): a key may not be in both.
     */
    private static void legacyMatchLabelKeys(RuleContext context, ObjectNode constraint, FieldPath path) {
        var keys = Nodes.arr(constraint, "matchLabelKeys");
        var selector = Nodes.obj(constraint, "labelSelector");
        if (keys == null || selector == null) {
            return;
        }
        var selectorKeys = new java.util.HashSet<String>();
        var matchLabels = Nodes.obj(selector, "matchLabels");
        if (matchLabels != null) {
            matchLabels.propertyNames().forEach(selectorKeys::add);
        }
        var expressions = Nodes.arr(selector, "matchExpressions");
        for (int i = 0; expressions != null && i < expressions.size(); i++) {
            var key = Nodes.str(expressions.get(i), "key");
            if (key != null) {
                selectorKeys.add(key);
            }
        }
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).isString() && selectorKeys.contains(keys.get(i).asString())) {
                context.report(path.child("matchLabelKeys").index(i), ErrorType.INVALID,
                        Nodes.quote(keys.get(i).asString()), "exists in both matchLabelKeys and labelSelector");
            }
        }
    }

    private static void selector(RuleContext context, ObjectNode selector, FieldPath path) {
        if (selector == null) {
            return;
        }
        LabelSyntaxRule.check(context, Nodes.obj(selector, "matchLabels"), path.child("matchLabels"));
        Selectors.checkExpressions(context, selector, path);
    }

    private static void weight(RuleContext context, ObjectNode holder, FieldPath path) {
        JsonNode weight = holder.get("weight");
        if (Nodes.isInt(weight) && (weight.longValue() <= 0 || weight.longValue() > 100)) {
            context.report(path.child("weight"), ErrorType.INVALID, weight.toString(), WEIGHT_RANGE);
        }
    }

    private static void labelName(RuleContext context, String key, FieldPath path) {
        if (key == null) {
            return;
        }
        for (var msg : Names.qualifiedName(key)) {
            context.report(path, ErrorType.INVALID, Nodes.quote(key), msg);
        }
    }

    private static int count(ArrayNode values) {
        return values == null ? 0 : values.size();
    }
}
