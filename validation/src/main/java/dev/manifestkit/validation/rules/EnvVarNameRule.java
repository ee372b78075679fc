package dev.manifestkit.validation.rules;

import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;

/**
 * Environment variable names (and envFrom prefixes) as the version being validated accepts
 * them: from Kubernetes 1.34 any printable ASCII but '='; before, letters, digits, '_', '-' and
 * '.', not starting with a digit.
 */
final class EnvVarNameRule extends BaseRule {

    EnvVarNameRule() {
        super("api/env-var-name", Layer.API, Severity.ERROR,
                "Environment variable names and envFrom prefixes are valid for the Kubernetes version: printable ASCII "
                        + "other than '=' from 1.34, [-._a-zA-Z][-._a-zA-Z0-9]* before.");
    }

    @Override
    public void check(RuleContext context) {
        boolean relaxed = context.version().atLeast(1, 34);
        PodSpecs.forEachContainer(context, (container, path, init) -> {
            Nodes.forEachObject(container, "env", path, (env, envPath, i) -> {
                var name = Nodes.str(env, "name");
                if (name == null) {
                    return; // absent: the schema layer reports it
                }
                if (name.isEmpty()) {
                    context.report(envPath.child("name"), ErrorType.REQUIRED, "");
                    return;
                }
                for (var msg : Names.envVarName(name, relaxed)) {
                    context.report(envPath.child("name"), ErrorType.INVALID, Nodes.quote(name), msg);
                }
            });
            Nodes.forEachObject(container, "envFrom", path, (envFrom, envFromPath, i) -> {
                var prefix = Nodes.str(envFrom, "prefix");
                if (prefix != null && !prefix.isEmpty()) {
                    for (var msg : Names.envVarName(prefix, relaxed)) {
                        context.report(envFromPath.child("prefix"), ErrorType.INVALID, Nodes.quote(prefix), msg);
                    }
                }
            });
        });
    }
}
