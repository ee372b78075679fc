package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;

/**
 * A pod's references to Secrets (or ConfigMaps): the object must be in the set or declared to
 * exist out of band, and the keys named must be ones it holds. References marked
 * {@code optional: true} are skipped. One class, four rules, because the two findings differ in
 * certainty: a missing object may well be created out of band ({@code kubectl create secret …}),
 * so {@code ref/secret-reference} and {@code ref/config-map-reference} warn; a key missing from an
 * object that is known ({@code ref/secret-key}, {@code ref/config-map-key}) is an error, since the
 * pod would fail to start. The ConfigMap {@code kube-root-ca.crt} exists in every namespace. Keys
 * are checked only where the object's contents are known: a Secret or ConfigMap of the set with no
 * data at all is a placeholder that a controller fills in (a webhook's certificate, a CSRF key),
 * and a {@code kubernetes.io/service-account-token} Secret gets {@code token}, {@code ca.crt} and
 * {@code namespace} from the token controller.
 */
final class ConfigReferenceRule extends BaseRule {

    private static final String ROOT_CA_CONFIG_MAP = "kube-root-ca.crt";

    private final String kind;
    private final boolean keys;

    private ConfigReferenceRule(String id, String kind, boolean keys) {
        super(id, Layer.REFERENCES, keys ? Severity.ERROR : Severity.WARNING, description(kind, keys));
        this.kind = kind;
        this.keys = keys;
    }

    private static String description(String kind, boolean keys) {
        var sources = "Secret".equals(kind)
                ? "env secretKeyRef, envFrom secretRef and secret/projected volumes"
                : "env configMapKeyRef, envFrom configMapRef and configMap/projected volumes";
        return keys
                ? "The keys that " + sources + " name exist in the " + kind + ", when the " + kind
                        + " is in the set (or declared as existing) with data, unless optional"
                        + ("Secret".equals(kind) ? "; a service-account-token Secret also has the keys its "
                                + "controller fills in (token, ca.crt, namespace)." : ".")
                : sources + " name a " + kind + " of the set or one declared as existing, unless optional (a "
                        + "warning: it may be created out of band).";
    }

    /** {@code ref/secret-reference}: the Secret exists. */
    static ConfigReferenceRule secrets() {
        return new ConfigReferenceRule("ref/secret-reference", "Secret", false);
    }

    /** {@code ref/secret-key}: the keys exist in a known Secret. */
    static ConfigReferenceRule secretKeys() {
        return new ConfigReferenceRule("ref/secret-key", "Secret", true);
    }

    /** {@code ref/config-map-reference}: the ConfigMap exists. */
    static ConfigReferenceRule configMaps() {
        return new ConfigReferenceRule("ref/config-map-reference", "ConfigMap", false);
    }

    /** {@code ref/config-map-key}: the keys exist in a known ConfigMap. */
    static ConfigReferenceRule configMapKeys() {
        return new ConfigReferenceRule("ref/config-map-key", "ConfigMap", true);
    }

    @Override
    public void check(RuleContext context) {
        ConfigReferences.forEach(context, (refKind, name, namePath, key, keyPath, optional) -> {
            if (!refKind.equals(kind) || optional || name == null || name.isEmpty() || isPublished(kind, name)) {
                return;
            }
            var target = References.find(context, kind, name);
            if (target == null) {
                if (!keys && key == null) {
                    context.report(namePath, ErrorType.NOT_FOUND, Nodes.quote(name), "no " + kind + " of that name "
                            + References.where(context) + "; add it, declare it as existing, or mark the reference "
                            + "optional");
                }
                return;
            }
            if (keys && key != null && !References.hasKey(target, key) && !filledInLater(target, key)) {
                context.report(keyPath, ErrorType.NOT_FOUND, Nodes.quote(key),
                        kind + " " + Nodes.quote(name) + " has no such key");
            }
        });
    }

    /**
     * True if the key may be missing from the manifest yet present in the running object: the object
     * has no data at all (a placeholder its controller fills in), or it is a service-account-token
     * Secret and the key one its token controller writes.
     */
    private static boolean filledInLater(tools.jackson.databind.node.ObjectNode target, String key) {
        if (isEmpty(target, "data") && isEmpty(target, "stringData") && isEmpty(target, "binaryData")) {
            return true;
        }
        return "kubernetes.io/service-account-token".equals(Nodes.str(target, "type"))
                && (key.equals("token") || key.equals("ca.crt") || key.equals("namespace"));
    }

    private static boolean isEmpty(tools.jackson.databind.node.ObjectNode object, String field) {
        var map = Nodes.obj(object, field);
        return map == null || map.isEmpty();
    }

    /**
     * True for the ConfigMap the control plane publishes into every namespace: {@code
     * kube-root-ca.crt}, the cluster's CA bundle (key {@code ca.crt}), which projected
     * service-account volumes read.
     */
    private static boolean isPublished(String kind, String name) {
        return kind.equals("ConfigMap") && name.equals(ROOT_CA_CONFIG_MAP);
    }
}
