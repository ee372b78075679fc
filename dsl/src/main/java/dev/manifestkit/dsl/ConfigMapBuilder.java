package dev.manifestkit.dsl;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.fabric8.kubernetes.api.model.ConfigMap;

/**
 * A ConfigMap ({@code v1}) as {@code kubectl create configmap} makes it: keys from literals,
 * files (UTF-8 text into {@code data}, anything else into {@code binaryData}) and env files, with
 * kubectl's key rules. Containers use it through {@code configMap.key(…)}, {@code envFrom(…)} and
 * {@code volume(configMap)}.
 */
public final class ConfigMapBuilder extends ObjectBuilder<ConfigMapBuilder, ConfigMap,
        io.fabric8.kubernetes.api.model.ConfigMapBuilder> {

    private final Map<String, String> data = new LinkedHashMap<>();
    private final Map<String, byte[]> binaryData = new LinkedHashMap<>();
    private boolean immutable;

    ConfigMapBuilder(String name) {
        super("ConfigMap", name, false);
    }

    /** Adds a key with a text value ({@code --from-literal key=value}). */
    public ConfigMapBuilder literal(String key, String value) {
        checkNewKey(key);
        data.put(key, Fail.notNull(value, ref(), "data[" + key + "]"));
        return this;
    }

    /** Adds a key from kubectl's literal syntax, {@code key=value}, split at the first {@code =}. */
    public ConfigMapBuilder fromLiteral(String source) {
        var keyAndValue = KubectlSources.splitLiteral(ref(), source, true);
        return literal(keyAndValue[0], keyAndValue[1]);
    }

    /** Adds binary content under a key ({@code binaryData}). */
    public ConfigMapBuilder binary(String key, byte[] value) {
        checkNewKey(key);
        binaryData.put(key, value.clone());
        return this;
    }

    /** Adds a file under its file name, or every regular file of a directory ({@code --from-file}). */
    public ConfigMapBuilder fromFile(Path path) {
        KubectlSources.fromFile(ref(), null, Objects.requireNonNull(path, "path"), this::addFile);
        return this;
    }

    /** Adds a file under an explicit key ({@code --from-file key=path}). */
    public ConfigMapBuilder fromFile(String key, Path path) {
        KubectlSources.fromFile(ref(), Objects.requireNonNull(key, "key"), Objects.requireNonNull(path, "path"),
                this::addFile);
        return this;
    }

    /** Adds every {@code KEY=value} line of an env file, by kubectl's rules ({@code --from-env-file}). */
    public ConfigMapBuilder fromEnvFile(Path path) {
        KubectlSources.fromEnvFile(ref(), Objects.requireNonNull(path, "path"),
                key -> KubectlSources.systemEnvironment().get(key), this::literal);
        return this;
    }

    private void addFile(String key, byte[] content) {
        if (KubectlSources.isUtf8(content)) {
            literal(key, new String(content, StandardCharsets.UTF_8));
        } else {
            binary(key, content);
        }
    }

    /** Marks the ConfigMap {@code immutable}. */
    public ConfigMapBuilder immutable() {
        this.immutable = true;
        return this;
    }

    /** A reference to one key, for {@code env(name, value)}; fails at once if there is no such key. */
    public EnvValue key(String key) {
        if (!keys().contains(key)) {
            throw Fail.notFound(ref(), "data[" + key + "]", key, "the ConfigMap's keys are " + keys());
        }
        return EnvValue.configMapKey(name(), key);
    }

    /** The key names of {@code data} and {@code binaryData}, in the order they were added. */
    public Set<String> keys() {
        var keys = new LinkedHashSet<>(data.keySet());
        keys.addAll(binaryData.keySet());
        return keys;
    }

    private void checkNewKey(String key) {
        KubectlSources.checkNewKey(ref(), "ConfigMap", key, keys());
    }

    @Override
    ConfigMap assemble() {
        var configMap = new ConfigMap();
        configMap.setData(data.isEmpty() ? null : new LinkedHashMap<>(data));
        var binary = new LinkedHashMap<String, String>();
        binaryData.forEach((k, v) -> binary.put(k, Base64.getEncoder().encodeToString(v)));
        configMap.setBinaryData(binary.isEmpty() ? null : binary);
        configMap.setImmutable(immutable ? Boolean.TRUE : null);
        return configMap;
    }
}
