package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ApiGroups;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;

/** Two objects of one kind, namespace and name: the second would overwrite the first on apply. */
final class DuplicateObjectRule extends BaseRule {

    DuplicateObjectRule() {
        super("ref/duplicate-object", Layer.REFERENCES, Severity.ERROR,
                "No two objects of the set share kind, namespace and name (reported on the later one).");
    }

    @Override
    public void check(RuleContext context) {
        if (!context.set().hasDuplicates()) {
            return;
        }
        var current = context.document();
        var tree = context.tree();
        var kind = Nodes.str(tree, "kind");
        var name = Nodes.name(tree);
        if (kind == null || name == null) {
            return;
        }
        var first = context.set().firstOf(ApiGroups.qualifiedKind(Nodes.str(tree, "apiVersion"), kind),
                Nodes.namespace(tree), name).orElse(null);
        if (first != null && first != current) {
            var namespace = Nodes.namespace(tree);
            context.report(FieldPath.root("metadata").child("name"), ErrorType.DUPLICATE, Nodes.quote(name),
                    "another " + kind + " of this name" + (namespace.isEmpty() ? "" : " in namespace "
                            + Nodes.quote(namespace)) + " comes earlier ("
                            + first.origin() + ", document " + first.index() + "); applying both keeps only the last");
        }
    }
}
