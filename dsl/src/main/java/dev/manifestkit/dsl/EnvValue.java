package dev.manifestkit.dsl;

import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.EnvVarSourceBuilder;

/**
 * Where an environment variable takes its value from: a Secret key ({@code secret.key("K")}), a
 * ConfigMap key ({@code configMap.key("K")}) or a field of the pod ({@code K8s.podIp()},
 * {@code K8s.podNamespace()}, {@code K8s.fieldRef(…)}). Made only by those typed factories, so a
 * reference cannot name a key its object lacks. Immutable.
 */
public final class EnvValue {

    private final EnvVarSource source;
    private final String description;

    private EnvValue(EnvVarSource source, String description) {
        this.source = source;
        this.description = description;
    }

    static EnvValue secretKey(String secret, String key) {
        return new EnvValue(new EnvVarSourceBuilder().withNewSecretKeyRef(key, secret, null).build(),
                "Secret/" + secret + "[" + key + "]");
    }

    static EnvValue configMapKey(String configMap, String key) {
        return new EnvValue(new EnvVarSourceBuilder().withNewConfigMapKeyRef(key, configMap, null).build(),
                "ConfigMap/" + configMap + "[" + key + "]");
    }

    static EnvValue field(String fieldPath) {
        return new EnvValue(new EnvVarSourceBuilder().withNewFieldRef(null, fieldPath).build(),
                "field " + fieldPath);
    }

    EnvVarSource toSource() {
        return new EnvVarSourceBuilder(source).build();
    }

    /** What the value refers to, never the value itself. */
    @Override
    public String toString() {
        return description;
    }
}
