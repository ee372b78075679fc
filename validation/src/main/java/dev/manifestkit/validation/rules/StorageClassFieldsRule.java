package dev.manifestkit.validation.rules;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;

/**
 * A StorageClass's provisioner parameters and allowed topologies, as the API server's
 * ValidateStorageClass checks them: parameters are handed to the provisioner whole, so their
 * count and size are capped; a topology term is a set of label requirements, each on its own key.
 */
final class StorageClassFieldsRule extends BaseRule {

    private static final int MAX_PARAMETERS = 512;
    private static final int MAX_PARAMETERS_SIZE = 256 * 1024;
    private static final FieldPath PARAMETERS = FieldPath.root("parameters");
    private static final FieldPath TOPOLOGIES = FieldPath.root("allowedTopologies");

    StorageClassFieldsRule() {
        super("api/storage-class-fields", Layer.API, Severity.ERROR,
                "A StorageClass has at most " + MAX_PARAMETERS + " parameters, with non-empty keys, of at most "
                        + MAX_PARAMETERS_SIZE + " bytes in all; each allowedTopologies requirement has a label-name "
                        + "key, unique in its term, and at least one value, each once; no two terms are alike, and none is "
                        + "empty (the server reports an empty term as a duplicate).");
    }

    @Override
    public void check(RuleContext context) {
        var tree = context.tree();
        if (!Nodes.kind(tree).equals("StorageClass")) {
            return;
        }
        var parameters = Nodes.obj(tree, "parameters");
        if (parameters != null) {
            if (parameters.size() > MAX_PARAMETERS) {
                context.report(PARAMETERS, ErrorType.TOO_LONG, "must have at most " + MAX_PARAMETERS + " items");
            } else {
                long size = 0;
                for (var entry : parameters.properties()) {
                    if (entry.getKey().isEmpty()) {
                        context.report(PARAMETERS, ErrorType.INVALID, "\"\"", "field can not be empty.");
                    }
                    size += Names.utf8Length(entry.getKey()) + Names.utf8Length(Nodes.text(entry.getValue()));
                }
                if (size > MAX_PARAMETERS_SIZE) {
                    context.report(PARAMETERS, ErrorType.TOO_LONG, "must have at most " + MAX_PARAMETERS_SIZE + " bytes");
                }
            }
        }
        var terms = new HashSet<Map<String, Set<String>>>();
        Nodes.forEachObject(tree, "allowedTopologies", FieldPath.root(), (term, termPath, i) -> {
            var requirements = new HashMap<String, Set<String>>();
            Nodes.forEachObject(term, "matchLabelExpressions", termPath, (requirement, path, j) -> {
                var values = new HashSet<String>();
                var list = Nodes.arr(requirement, "values");
                if (list == null || list.isEmpty()) {
                    context.report(path.child("values"), ErrorType.REQUIRED, "");
                } else {
                    for (int k = 0; k < list.size(); k++) {
                        var value = Nodes.text(list.get(k));
                        if (!values.add(value)) {
                            context.report(path.child("values").index(k), ErrorType.DUPLICATE, Nodes.quote(value), "");
                        }
                    }
                }
                var key = Nodes.str(requirement, "key");
                if (key != null) {
                    for (var msg : Names.labelKey(key)) {
                        context.report(path.child("key"), ErrorType.INVALID, Nodes.quote(key), msg);
                    }
                    if (requirements.containsKey(key)) {
                        context.report(path.child("key"), ErrorType.DUPLICATE, Nodes.quote(key), "");
                    }
                    requirements.put(key, values);
                }
            });
            var expressions = Nodes.arr(term, "matchLabelExpressions");
            // the server compares each term with a list that starts with one empty (nil) entry per
            // term, and its comparison takes empty and nil maps as equal: a term without
            // expressions is always reported as a duplicate
            if (expressions == null || expressions.isEmpty() || terms.contains(requirements)) {
                context.report(TOPOLOGIES.index(i).child("matchLabelExpressions"), ErrorType.DUPLICATE, "\"\"", "");
            }
            terms.add(requirements);
        });
    }
}
