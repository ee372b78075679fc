package dev.manifestkit.validation.rules;

import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.node.ObjectNode;

/**
 * Label keys are qualified names and values are at most 63 characters of
 * {@code [A-Za-z0-9_.-]}: on the object, its pod template, its selector, a Service's selector and a
 * pod's node selector.
 */
final class LabelSyntaxRule extends BaseRule {

    LabelSyntaxRule() {
        super("api/label-syntax", Layer.API, Severity.ERROR,
                "Label keys are qualified names (optional DNS prefix and '/', name of at most 63 characters) and "
                        + "label values are empty or at most 63 alphanumeric, '-', '_' or '.' characters, in metadata, "
                        + "pod templates, selectors (including claims' selectors and their expressions) and nodeSelector.");
    }

    @Override
    public void check(RuleContext context) {
        var tree = context.tree();
        check(context, Nodes.obj(tree, "metadata", "labels"), FieldPath.root("metadata").child("labels"));
        var kind = Nodes.kind(tree);
        var pod = PodSpecs.of(context);
        if (pod != null && pod.isTemplate()) {
            check(context, pod.labels(), pod.labelsPath());
        }
        if (pod != null) {
            check(context, Nodes.obj(pod.spec(), "nodeSelector"), pod.path().child("nodeSelector"));
        }
        // a claim's selector picks the PersistentVolumes it may bind (workload selectors: api/selector-matches-template)
        Quantities.forEachClaimSpec(context, (claim, claimPath) -> {
            var selector = Nodes.obj(claim, "selector");
            if (selector != null && !kind.equals("PersistentVolumeClaim")) {
                check(context, Nodes.obj(selector, "matchLabels"), claimPath.child("selector", "matchLabels"));
            }
            if (selector != null) {
                Selectors.checkExpressions(context, selector, claimPath.child("selector"));
            }
        });
        if (kind.equals("Service")) {
            check(context, Nodes.obj(tree, "spec", "selector"), FieldPath.root("spec").child("selector"));
        } else {
            var selector = Nodes.obj(tree, "spec", "selector");
            if (selector != null) {
                check(context, Nodes.obj(selector, "matchLabels"), FieldPath.root("spec").child("selector", "matchLabels"));
            }
        }
    }

    static void check(RuleContext context, ObjectNode labels, FieldPath path) {
        if (labels == null) {
            return;
        }
        for (var entry : labels.properties()) {
            var key = entry.getKey();
            for (var msg : Names.qualifiedName(key)) {
                context.report(path.key(key), ErrorType.INVALID, Nodes.quote(key), msg);
            }
            var value = entry.getValue();
            if (value.isString()) {
                for (var msg : Names.labelValue(value.asString())) {
                    context.report(path.key(key), ErrorType.INVALID, Nodes.quote(value.asString()), msg);
                }
            }
        }
    }
}
