package dev.manifestkit.dsl;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.fabric8.kubernetes.api.model.ConfigMap;

/**
 * What every ConfigMap shares: its keys, and {@link #key(String)} references that are checked
 * against them. Subtypes: {@link ConfigMapBuilder}, which adds keys and values, and
 * {@link ExistingConfigMap}, for one created out of band, which cannot. Everything that refers to a
 * ConfigMap (env keys, {@code envFrom}, volumes, projections) takes this type, so the two are
 * interchangeable: {@code AbstractConfigMapBuilder<?> settings = prod ? existingConfigMap(…) :
 * configMap(…).literal(…)}.
 *
 * @param <B> the concrete builder type
 */
public abstract class AbstractConfigMapBuilder<B extends AbstractConfigMapBuilder<B>>
        extends ObjectBuilder<B, ConfigMap, io.fabric8.kubernetes.api.model.ConfigMapBuilder> {

    private final Map<String, String> data = new LinkedHashMap<>();
    private final Map<String, byte[]> binaryData = new LinkedHashMap<>();
    private boolean immutable;

    AbstractConfigMapBuilder(String name, boolean existing) {
        super("ConfigMap", name, false, existing);
    }

    /** A reference to one key, for {@code env(name, value)}; fails at once if there is no such key. */
    public final EnvValue key(String key) {
        if (!keys().contains(key)) {
            throw missingKey(key);
        }
        return EnvValue.configMapKey(name(), key);
    }

    /** The key names of {@code data} and {@code binaryData}, in the order they were added. */
    public final Set<String> keys() {
        var keys = new LinkedHashSet<>(data.keySet());
        keys.addAll(binaryData.keySet());
        return keys;
    }

    /** The Not found error for a key this ConfigMap lacks, listing the keys it has. */
    final IllegalArgumentException missingKey(String key) {
        return Fail.notFound(ref(), "data[" + key + "]", key, "the ConfigMap's keys are " + keys());
    }

    /** Adds a text key to {@code data}, with kubectl's key rules and its duplicate-key wording. */
    final void putData(String key, String value) {
        checkNewKey(key);
        data.put(key, Fail.notNull(value, ref(), "data[" + key + "]"));
    }

    /** Adds a binary key to {@code binaryData}, with the same rules. */
    final void putBinaryData(String key, byte[] value) {
        checkNewKey(key);
        binaryData.put(key, value.clone());
    }

    final void markImmutable() {
        this.immutable = true;
    }

    private void checkNewKey(String key) {
        KubectlSources.checkNewKey(ref(), "ConfigMap", key, keys());
    }

    @Override
    final ConfigMap assemble() {
        var configMap = new ConfigMap();
        configMap.setData(data.isEmpty() ? null : new LinkedHashMap<>(data));
        var binary = new LinkedHashMap<String, String>();
        binaryData.forEach((k, v) -> binary.put(k, Base64.getEncoder().encodeToString(v)));
        configMap.setBinaryData(binary.isEmpty() ? null : binary);
        configMap.setImmutable(immutable ? Boolean.TRUE : null);
        return configMap;
    }
}
