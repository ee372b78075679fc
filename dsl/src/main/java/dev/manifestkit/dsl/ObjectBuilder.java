package dev.manifestkit.dsl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import dev.manifestkit.core.syntax.Names;
import io.fabric8.kubernetes.api.builder.Editable;
import io.fabric8.kubernetes.api.builder.VisitableBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;

/**
 * What every DSL builder of a Kubernetes object shares: its name, labels, annotations,
 * {@link #build()} to a plain fabric8 object, and the {@link #customize(Consumer)} escape hatch.
 *
 * <p>There is no per-object namespace: set it for a whole set with {@code Manifests.namespace(…)},
 * which knows which kinds are namespaced (or use {@code customize}).
 *
 * <p>Builders are mutable and produce their object late: a call made after the builder was passed
 * to another one (a container added after {@code selecting(deployment)}, say) still shows up when
 * either is built. They are not thread-safe. Checks that a single call can decide fail at once
 * with an {@link IllegalArgumentException} naming the object, the field path and the rule.
 *
 * @param <B> the concrete builder type, returned by every fluent method
 * @param <T> the fabric8 object this builder produces
 * @param <F> the fabric8 builder of {@code T}, handed to {@link #customize(Consumer)}
 */
public abstract class ObjectBuilder<B extends ObjectBuilder<B, T, F>, T extends HasMetadata & Editable<F>,
        F extends VisitableBuilder<T, F>> {

    private final String kind;
    private final String name;
    private final boolean existing;
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final Map<String, String> annotations = new LinkedHashMap<>();
    private final List<Consumer<? super F>> customizers = new ArrayList<>();

    /** Package-private: only the DSL's own builders extend this class. */
    ObjectBuilder(String kind, String name, boolean dnsLabelName) {
        this(kind, name, dnsLabelName, false);
    }

    /** A builder of an object that is written, or ({@code existing}) one created out of band. */
    ObjectBuilder(String kind, String name, boolean dnsLabelName, boolean existing) {
        this.kind = kind;
        this.existing = existing;
        var owner = kind + "/" + name;
        Fail.notNull(name, kind, "metadata.name");
        Fail.check(dnsLabelName ? Names.dns1123Label(name) : Names.dns1123Subdomain(name), owner,
                "metadata.name", name);
        this.name = name;
    }

    /** The object's {@code metadata.name}, as given. */
    public final String name() {
        return name;
    }

    /** The object's {@code kind}, such as {@code Deployment}. */
    public final String kind() {
        return kind;
    }

    /**
     * Whether this stands for an object created out of band ({@code existingSecret(…)},
     * {@code existingConfigMap(…)}, {@code existingClaim(…)}, {@code existingServiceAccount(…)}):
     * other objects refer to it, but it is never written. {@code K8s.manifests(…)} declares it
     * with {@code Manifests.withExisting(…)} instead, so the validator counts references to it as
     * satisfied; code that collects {@link #build()} results itself should do the same. Labels,
     * annotations and customizers of such an object reach only that declaration.
     */
    public final boolean isExisting() {
        return existing;
    }

    /** Adds a label to {@code metadata.labels}; key and value are checked as the API server does. */
    public final B label(String key, String value) {
        checkLabel(ref(), "metadata.labels", key, value);
        labels.put(key, value);
        return self();
    }

    /** Adds every entry as a label to {@code metadata.labels}. */
    public final B labels(Map<String, String> more) {
        more.forEach(this::label);
        return self();
    }

    /** Adds an annotation to {@code metadata.annotations}; the key must be a qualified name. */
    public final B annotation(String key, String value) {
        Fail.notNull(value, ref(), "metadata.annotations[" + key + "]");
        Fail.check(Names.annotationKey(key), ref(), "metadata.annotations", key);
        var previous = annotations.put(key, value);
        var tooLarge = Names.annotationsSize(annotations);
        if (!tooLarge.isEmpty()) {
            if (previous == null) {
                annotations.remove(key);
            } else {
                annotations.put(key, previous);
            }
            throw Fail.tooLong(ref(), "metadata.annotations", tooLarge.get(0));
        }
        return self();
    }

    /**
     * The escape hatch: edits the finished object through its fabric8 builder, after the DSL has
     * set everything it knows. Customizers run in the order they were added, on every
     * {@link #build()}, after a pod's {@code customizePod(…)} customizers, whose changes they see;
     * nothing the Kubernetes API allows is out of reach.
     */
    public final B customize(Consumer<? super F> customizer) {
        customizers.add(Objects.requireNonNull(customizer, "customizer"));
        return self();
    }

    /** Builds a new fabric8 object from the current state of this builder. */
    public final T build() {
        T object = assemble();
        object.setMetadata(metadata());
        if (!customizers.isEmpty()) {
            F editor = object.edit();
            customizers.forEach(c -> c.accept(editor));
            object = editor.build();
        }
        checkBuilt(object);
        return object;
    }

    /**
     * Checks what only the finished object can show, after {@code customize(…)} had its say (a
     * customizer may supply what the builder lacks); throws IllegalArgumentException.
     */
    void checkBuilt(T object) {
    }

    /** {@code Kind/name}, as used in error messages. */
    @Override
    public String toString() {
        return ref();
    }

    /** The object without its metadata. */
    abstract T assemble();

    final String ref() {
        return kind + "/" + name;
    }

    final Map<String, String> labels() {
        return labels;
    }

    @SuppressWarnings("unchecked")
    final B self() {
        return (B) this;
    }

    private ObjectMeta metadata() {
        var meta = new ObjectMeta();
        meta.setName(name);
        meta.setLabels(labels.isEmpty() ? null : new LinkedHashMap<>(labels));
        meta.setAnnotations(annotations.isEmpty() ? null : new LinkedHashMap<>(annotations));
        return meta;
    }

    static void checkLabel(String owner, String path, String key, String value) {
        Fail.notNull(key, owner, path);
        Fail.check(Names.labelKey(key), owner, path, key);
        Fail.notNull(value, owner, path + "[" + key + "]");
        Fail.check(Names.labelValue(value), owner, path + "[" + key + "]", value);
    }
}
