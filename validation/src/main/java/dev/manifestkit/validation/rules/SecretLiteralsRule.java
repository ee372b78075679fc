package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.RuleContext;

/**
 * A Secret emitted with its values puts those values in the generated files (and often in
 * version control). In production, create it out of band and declare it as existing. A Secret
 * whose values are all empty is a placeholder that a controller or an operator fills in (the
 * dashboard's CSRF key, a webhook's certificate) and holds nothing to leak.
 */
final class SecretLiteralsRule extends LintRule {

    SecretLiteralsRule() {
        super("secret-literals", true,
                "Secrets in the output carry no literal data or stringData; reference Secrets created out of band "
                        + "(existingSecret) instead. Empty values (placeholders filled in at run time) do not count.");
    }

    @Override
    void lint(RuleContext context) {
        var tree = context.tree();
        if (!Nodes.kind(tree).equals("Secret")) {
            return;
        }
        for (var field : new String[] {"data", "stringData"}) {
            var map = Nodes.obj(tree, field);
            if (map != null && holdsAValue(map)) {
                context.report(FieldPath.root(field), ErrorType.ADVICE, null,
                        "the Secret's values are written into the manifests; create it out of band (kubectl create "
                                + "secret, a secret manager) and reference it as an existing Secret");
                return;
            }
        }
    }

    private static boolean holdsAValue(tools.jackson.databind.node.ObjectNode map) {
        for (var value : map.values()) {
            if (value != null && !value.isNull() && !(value.isString() && value.asString().isEmpty())) {
                return true;
            }
        }
        return false;
    }
}
