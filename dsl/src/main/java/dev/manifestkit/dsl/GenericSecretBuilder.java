package dev.manifestkit.dsl;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A generic Secret, as {@code kubectl create secret generic} makes it: keys from literals, files
 * and env files, with kubectl's key rules. The type is left unwritten ({@code Opaque}) unless
 * {@link #type(String)} says otherwise.
 */
public final class GenericSecretBuilder extends AbstractSecretBuilder<GenericSecretBuilder> {

    private String type;

    GenericSecretBuilder(String name) {
        super(name);
    }

    /** Adds a key with a literal value ({@code --from-literal key=value}). */
    public GenericSecretBuilder literal(String key, String value) {
        Fail.notNull(value, ref(), "data[" + key + "]");
        putData(key, value.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /**
     * Adds a key from kubectl's literal syntax, {@code key=value}, split at the first {@code =}
     * ({@code --from-literal}).
     */
    public GenericSecretBuilder fromLiteral(String source) {
        var keyAndValue = KubectlSources.splitLiteral(ref(), source, false);
        return literal(keyAndValue[0], keyAndValue[1]);
    }

    /** Adds raw bytes under a key. */
    public GenericSecretBuilder data(String key, byte[] value) {
        Fail.notNull(value, ref(), "data[" + key + "]");
        putData(key, value);
        return this;
    }

    /**
     * Adds a file under its file name, or every regular file of a directory under its name
     * ({@code --from-file path}).
     */
    public GenericSecretBuilder fromFile(Path path) {
        KubectlSources.fromFile(ref(), null, Objects.requireNonNull(path, "path"), this::putData);
        return this;
    }

    /** Adds a file under an explicit key ({@code --from-file key=path}). */
    public GenericSecretBuilder fromFile(String key, Path path) {
        KubectlSources.fromFile(ref(), Objects.requireNonNull(key, "key"), Objects.requireNonNull(path, "path"),
                this::putData);
        return this;
    }

    /** Adds every {@code KEY=value} line of an env file, by kubectl's rules ({@code --from-env-file}). */
    public GenericSecretBuilder fromEnvFile(Path path) {
        KubectlSources.fromEnvFile(ref(), Objects.requireNonNull(path, "path"),
                key -> KubectlSources.systemEnvironment().get(key),
                (k, v) -> putData(k, v.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    /** Adds a key to {@code stringData}: plain text the API server encodes on write. */
    public GenericSecretBuilder stringData(String key, String value) {
        Fail.notNull(value, ref(), "stringData[" + key + "]");
        putStringData(key, value);
        return this;
    }

    /** Sets a custom {@code type}, such as {@code kubernetes.io/basic-auth}. */
    public GenericSecretBuilder type(String type) {
        this.type = Fail.notNull(type, ref(), "type");
        return this;
    }

    @Override
    String secretType() {
        return type;
    }
}
