package dev.manifestkit.dsl;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A ConfigMap ({@code v1}) as {@code kubectl create configmap} makes it: keys from literals,
 * files (UTF-8 text into {@code data}, anything else into {@code binaryData}) and env files, with
 * kubectl's key rules. Containers use it through {@code configMap.key(…)}, {@code envFrom(…)} and
 * {@code volume(configMap)}; for one created out of band, see {@link ExistingConfigMap}.
 */
public final class ConfigMapBuilder extends AbstractConfigMapBuilder<ConfigMapBuilder> {

    ConfigMapBuilder(String name) {
        super(name, false);
    }

    /** Adds a key with a text value ({@code --from-literal key=value}). */
    public ConfigMapBuilder literal(String key, String value) {
        putData(key, value);
        return this;
    }

    /** Adds a key from kubectl's literal syntax, {@code key=value}, split at the first {@code =}. */
    public ConfigMapBuilder fromLiteral(String source) {
        var keyAndValue = KubectlSources.splitLiteral(ref(), source, true);
        return literal(keyAndValue[0], keyAndValue[1]);
    }

    /** Adds binary content under a key ({@code binaryData}). */
    public ConfigMapBuilder binary(String key, byte[] value) {
        putBinaryData(key, value);
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

    /** Marks the ConfigMap {@code immutable}: its data can then only change by deleting and recreating it. */
    public ConfigMapBuilder immutable() {
        markImmutable();
        return this;
    }
}
