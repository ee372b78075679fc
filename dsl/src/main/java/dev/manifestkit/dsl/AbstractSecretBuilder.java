package dev.manifestkit.dsl;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.fabric8.kubernetes.api.model.Secret;

/**
 * What every Secret shares: keys, {@link #key(String)} references that are checked against them,
 * and {@link #immutable()}. Subtypes: {@link GenericSecretBuilder}, {@link DockerRegistrySecretBuilder},
 * {@link TlsSecretBuilder} and {@link ExistingSecret}. Everything that refers to a Secret (env
 * keys, {@code envFrom}, volumes, projections) takes this type, so a Secret made here and one
 * created out of band are interchangeable: {@code AbstractSecretBuilder<?> password = prod ?
 * existingSecret(…) : secret(…).literal(…)}.
 *
 * <p>Secret values never appear in {@code toString()}, in exception messages or in logs: only
 * key names do. (The fabric8 {@code Secret} that {@link #build()} returns is a plain object with
 * fabric8's own {@code toString()}; do not log it.)
 *
 * @param <B> the concrete builder type
 */
public abstract class AbstractSecretBuilder<B extends AbstractSecretBuilder<B>>
        extends ObjectBuilder<B, Secret, io.fabric8.kubernetes.api.model.SecretBuilder> {

    private final Map<String, byte[]> data = new LinkedHashMap<>();
    private final Map<String, String> stringData = new LinkedHashMap<>();
    private boolean immutable;

    AbstractSecretBuilder(String name) {
        this(name, false);
    }

    AbstractSecretBuilder(String name, boolean existing) {
        super("Secret", name, false, existing);
    }

    /** The Secret's {@code type}, or null for the default ({@code Opaque}, left unwritten as kubectl does). */
    abstract String secretType();

    /**
     * A reference to one key of this Secret, for {@code env(name, value)}. Fails at once, naming
     * the keys there are, when the Secret has no such key.
     */
    public final EnvValue key(String key) {
        if (!keys().contains(key)) {
            throw missingKey(key);
        }
        return EnvValue.secretKey(name(), key);
    }

    /** The Not found error for a key this Secret lacks, listing the keys it has (never a value). */
    final IllegalArgumentException missingKey(String key) {
        return Fail.notFound(ref(), "data[" + key + "]", key, "the Secret's keys are " + keys());
    }

    /** The key names, in the order they were added. */
    public Set<String> keys() {
        var keys = new LinkedHashSet<>(data.keySet());
        keys.addAll(stringData.keySet());
        return keys;
    }

    /** Marks the Secret {@code immutable}: its data can then only change by deleting and recreating it. */
    public B immutable() {
        this.immutable = true;
        return self();
    }

    /** Adds a key to {@code data}, with kubectl's key rules and its duplicate-key wording. */
    final void putData(String key, byte[] value) {
        checkNewKey(key);
        data.put(key, value.clone());
    }

    final void putStringData(String key, String value) {
        checkNewKey(key);
        stringData.put(key, value);
    }

    private void checkNewKey(String key) {
        KubectlSources.checkNewKey(ref(), "Secret", key, keys());
    }

    @Override
    Secret assemble() {
        var secret = new Secret();
        var encoded = new LinkedHashMap<String, String>();
        data.forEach((k, v) -> encoded.put(k, Base64.getEncoder().encodeToString(v)));
        secret.setData(encoded.isEmpty() ? null : encoded);
        secret.setStringData(stringData.isEmpty() ? null : new LinkedHashMap<>(stringData));
        secret.setType(secretType());
        secret.setImmutable(immutable ? Boolean.TRUE : null);
        return secret;
    }

    /** {@code Secret/name}, with its key names and never its values. */
    @Override
    public String toString() {
        return ref() + " " + keys();
    }
}
