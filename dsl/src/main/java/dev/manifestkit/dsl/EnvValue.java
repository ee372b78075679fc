package dev.manifestkit.dsl;

import java.util.function.Consumer;

import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.ObjectFieldSelector;
import io.fabric8.kubernetes.api.model.SecretKeySelector;

/**
 * Where an environment variable takes its value from: a Secret key ({@code secret.key("K")}), a
 * ConfigMap key ({@code configMap.key("K")}) or a field of the pod ({@code K8s.podIp()},
 * {@code K8s.podNamespace()}, {@code K8s.fieldRef(…)}). Made only by those typed factories, so a
 * reference cannot name a key its object lacks. Immutable.
 */
public final class EnvValue {

    /** Sets the one reference on a new source. */
    private final Consumer<EnvVarSource> reference;
    private final String description;
    /** The pod field read, or null for a Secret or ConfigMap key. */
    private final String fieldPath;

    private EnvValue(Consumer<EnvVarSource> reference, String description) {
        this(reference, description, null);
    }

    private EnvValue(Consumer<EnvVarSource> reference, String description, String fieldPath) {
        this.reference = reference;
        this.description = description;
        this.fieldPath = fieldPath;
    }

    static EnvValue secretKey(String secret, String key) {
        return new EnvValue(s -> s.setSecretKeyRef(new SecretKeySelector(key, secret, null)),
                "Secret/" + secret + "[" + key + "]");
    }

    static EnvValue configMapKey(String configMap, String key) {
        return new EnvValue(s -> s.setConfigMapKeyRef(new ConfigMapKeySelector(key, configMap, null)),
                "ConfigMap/" + configMap + "[" + key + "]");
    }

    static EnvValue field(String fieldPath) {
        return new EnvValue(s -> s.setFieldRef(new ObjectFieldSelector(null, fieldPath)), "field " + fieldPath,
                fieldPath);
    }

    /** The pod field this value reads ({@code metadata.name}), or null when it reads a Secret or ConfigMap key. */
    String fieldPathOrNull() {
        return fieldPath;
    }

    /** A new fabric8 source on every call. */
    EnvVarSource toSource() {
        var source = new EnvVarSource();
        reference.accept(source);
        return source;
    }

    /** What the value refers to, never the value itself. */
    @Override
    public String toString() {
        return description;
    }
}
