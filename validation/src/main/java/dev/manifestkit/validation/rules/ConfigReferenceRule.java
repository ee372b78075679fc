package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;

/**
 * A pod's references to Secrets (or ConfigMaps) name objects of the set, or objects declared to
 * exist out of band, and keys they hold. References marked {@code optional: true} are skipped.
 * One class, two rules: {@code ref/secret-reference} and {@code ref/config-map-reference}.
 */
final class ConfigReferenceRule extends BaseRule {

    private final String kind;

    private ConfigReferenceRule(String id, String kind) {
        super(id, Layer.REFERENCES, Severity.ERROR,
                "Secret".equals(kind)
                        ? "env secretKeyRef, envFrom secretRef and secret/projected volumes name a Secret of the set (or "
                                + "an existing one) and keys it has, unless optional."
                        : "env configMapKeyRef, envFrom configMapRef and configMap/projected volumes name a ConfigMap of "
                                + "the set (or an existing one) and keys it has, unless optional.");
        this.kind = kind;
    }

    static ConfigReferenceRule secrets() {
        return new ConfigReferenceRule("ref/secret-reference", "Secret");
    }

    static ConfigReferenceRule configMaps() {
        return new ConfigReferenceRule("ref/config-map-reference", "ConfigMap");
    }

    @Override
    public void check(RuleContext context) {
        ConfigReferences.forEach(context.tree(), (refKind, name, namePath, key, keyPath, optional) -> {
            if (!refKind.equals(kind) || optional || name == null || name.isEmpty()) {
                return;
            }
            var target = References.find(context, kind, name);
            if (target == null) {
                if (key == null) {
                    context.report(namePath, ErrorType.NOT_FOUND, Nodes.quote(name), "no " + kind + " of that name "
                            + References.where(context) + "; add it, declare it as existing, or mark the reference "
                            + "optional");
                }
                return;
            }
            if (key != null && !References.hasKey(target, key)) {
                context.report(keyPath, ErrorType.NOT_FOUND, Nodes.quote(key),
                        kind + " " + Nodes.quote(name) + " has no such key");
            }
        });
    }
}
