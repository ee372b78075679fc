package dev.manifestkit.core;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * An immutable, ordered set of Kubernetes objects of any kind.
 *
 * <p>CONTRACT (skeleton, to be implemented by the core work): every method below keeps its
 * signature; transformations return new instances and never modify the objects passed in.
 */
public final class Manifests {

    private final List<HasMetadata> objects;

    private Manifests(List<HasMetadata> objects) {
        this.objects = List.copyOf(objects);
    }

    /** The given objects, in this order. */
    public static Manifests of(HasMetadata... objects) {
        return new Manifests(Arrays.asList(objects));
    }

    /** The given objects, in this order. */
    public static Manifests of(List<? extends HasMetadata> objects) {
        return new Manifests(List.copyOf(objects));
    }

    /** The objects, in the order they were added. */
    public List<HasMetadata> objects() {
        return objects;
    }

    /** This set followed by the given objects. */
    public Manifests plus(HasMetadata... more) {
        throw new UnsupportedOperationException("TODO core");
    }

    /** This set followed by another set's objects. */
    public Manifests plus(Manifests more) {
        throw new UnsupportedOperationException("TODO core");
    }

    /** The object of this kind and name, if any. */
    public Optional<HasMetadata> find(String kind, String name) {
        throw new UnsupportedOperationException("TODO core");
    }

    /** The object of this type and name, if any. */
    public <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        throw new UnsupportedOperationException("TODO core");
    }

    /** A copy with {@code metadata.namespace} set on every namespaced object. */
    public Manifests namespace(String namespace) {
        throw new UnsupportedOperationException("TODO core");
    }

    /** A copy with this label added to every object's metadata. */
    public Manifests commonLabel(String key, String value) {
        throw new UnsupportedOperationException("TODO core");
    }

    /** A copy with this annotation added to every object's metadata. */
    public Manifests commonAnnotation(String key, String value) {
        throw new UnsupportedOperationException("TODO core");
    }

    /** The objects as normalized trees (nulls and empties dropped), in install order. */
    public List<ManifestDocument> documents() {
        throw new UnsupportedOperationException("TODO core");
    }

    /** Multi-document YAML in install order. */
    public String toYaml() {
        throw new UnsupportedOperationException("TODO core");
    }

    /** A JSON {@code kind: List} document, or one object when the set has one. */
    public String toJson() {
        throw new UnsupportedOperationException("TODO core");
    }

    /**
     * Objects that exist in the cluster already (created out of band, such as a Secret made with
     * {@code kubectl create secret}): references to them count as satisfied, but they are never
     * written.
     */
    public List<HasMetadata> existing() {
        throw new UnsupportedOperationException("TODO core");
    }

    /** A copy that also declares these objects as existing out of band. */
    public Manifests withExisting(HasMetadata... existingObjects) {
        throw new UnsupportedOperationException("TODO core");
    }

    /** {@link #existing()} as trees. */
    public List<ManifestDocument> existingDocuments() {
        throw new UnsupportedOperationException("TODO core");
    }

    /** Number of objects. */
    public int size() {
        return objects.size();
    }
}
