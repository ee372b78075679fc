package dev.manifestkit.validation.rules;

import java.util.Locale;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.node.ObjectNode;

/**
 * An apps/v1 controller has a non-empty selector, well-formed match expressions, and pod
 * template labels its selector selects: otherwise it would never see the pods it creates.
 */
final class SelectorMatchesTemplateRule extends BaseRule {

    private static final FieldPath SELECTOR = FieldPath.root("spec").child("selector");

    SelectorMatchesTemplateRule() {
        super("api/selector-matches-template", Layer.API, Severity.ERROR,
                "A Deployment, StatefulSet, DaemonSet or ReplicaSet has a non-empty spec.selector (its presence, "
                        + "required in apps/v1, is the schema layer's check) with valid matchExpressions, and it selects "
                        + "the pod template's labels.");
    }

    @Override
    public void check(RuleContext context) {
        var tree = context.tree();
        var kind = Nodes.kind(tree);
        if (!Nodes.oneOf(kind, "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet")) {
            return;
        }
        var spec = Nodes.obj(tree, "spec");
        if (spec == null) {
            return;
        }
        var selector = Nodes.obj(spec, "selector");
        if (selector == null) {
            return; // absent: the schema layer reports it (required in apps/v1)
        }
        if (Selectors.isEmpty(selector)) {
            context.report(SELECTOR, ErrorType.INVALID, Nodes.showMap(selector),
                    "empty selector is invalid for " + kind.toLowerCase(Locale.ROOT));
            return;
        }
        boolean wellFormed = checkExpressions(context, selector);
        var pod = PodSpecs.of(context);
        var template = Nodes.obj(spec, "template");
        if (wellFormed && template != null) {
            var labels = pod == null ? Nodes.obj(template, "metadata", "labels") : pod.labels();
            if (!Selectors.matches(selector, labels)) {
                context.report(FieldPath.root("spec").child("template", "metadata", "labels"), ErrorType.INVALID,
                        Nodes.showMap(labels), "`selector` does not match template `labels`");
            }
        }
    }

    private static boolean checkExpressions(RuleContext context, ObjectNode selector) {
        return Selectors.checkExpressions(context, selector, SELECTOR);
    }
}
