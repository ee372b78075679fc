package dev.manifestkit.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.function.UnaryOperator;

import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.core.tree.Trees;
import dev.manifestkit.core.yaml.Layout;
import dev.manifestkit.core.yaml.ManifestWriter;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An immutable, ordered set of Kubernetes objects of any kind.
 *
 * <p>fabric8 objects are mutable, so each object is snapshotted as a canonical tree
 * ({@link Trees#toTree}) when it is added: changing the object afterwards changes nothing here,
 * and {@link #objects()} hands out fresh copies. Transformations ({@link #namespace},
 * {@link #commonLabel}, …) return new instances.
 *
 * <p>Objects are kept in the order they were added; {@link #documents()}, {@link #toYaml()} and
 * {@link #writeTo(Path)} put them in install order (Namespace first, Ingress last among the known
 * kinds, other kinds after them), keeping the added order among objects of the same rank.
 */
public final class Manifests {

    private static final JsonNodeFactory NODES = Trees.jsonMapper().getNodeFactory();

    private final List<ObjectNode> trees;
    private final List<ObjectNode> existing;
    private List<ManifestDocument> documents;

    private Manifests(List<ObjectNode> trees, List<ObjectNode> existing) {
        this.trees = List.copyOf(trees);
        this.existing = List.copyOf(existing);
    }

    /** The given objects, in this order. */
    public static Manifests of(HasMetadata... objects) {
        return new Manifests(snapshot(Arrays.asList(objects)), List.of());
    }

    /** The given objects, in this order. */
    public static Manifests of(List<? extends HasMetadata> objects) {
        return new Manifests(snapshot(objects), List.of());
    }

    /**
     * Copies of the objects, in the order they were added: known kinds as their fabric8 class, other
     * kinds as {@link GenericKubernetesResource}. Changing a copy does not change this set.
     */
    public List<HasMetadata> objects() {
        return trees.stream().map(Trees::toObject).toList();
    }

    /** This set followed by the given objects. */
    public Manifests plus(HasMetadata... more) {
        return new Manifests(concat(trees, snapshot(Arrays.asList(more))), existing);
    }

    /** This set followed by another set's objects; existing objects of both are kept. */
    public Manifests plus(Manifests more) {
        return new Manifests(concat(trees, more.trees), concat(existing, more.existing));
    }

    /** A copy of the first object of this kind and name (in any namespace), if any. */
    public Optional<HasMetadata> find(String kind, String name) {
        return trees.stream()
                .filter(tree -> kind.equals(text(tree, "kind")) && name.equals(metadataText(tree, "name")))
                .findFirst()
                .map(Trees::toObject);
    }

    /**
     * A copy of the first object of this type and name, if any. For
     * {@link GenericKubernetesResource} any object of a kind manifestkit does not model matches.
     */
    public <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        String kind = type == GenericKubernetesResource.class ? null
                : Kinds.of(type).map(KindInfo::kind).orElseGet(() -> HasMetadata.getKind(type));
        return trees.stream()
                .filter(tree -> name.equals(metadataText(tree, "name")))
                .filter(tree -> kind == null
                        ? Kinds.lookup(text(tree, "apiVersion"), text(tree, "kind")).isEmpty()
                        : kind.equals(text(tree, "kind")))
                .findFirst()
                .map(tree -> Trees.toObject(tree, type));
    }

    /**
     * A copy with {@code metadata.namespace} set on every namespaced object, and on the existing
     * objects too (they live beside the ones written).
     *
     * <p>Cluster-scoped kinds (Namespace, PersistentVolume, StorageClass, ClusterRole, …) are left
     * alone; Kubernetes' own namespaced kinds get it whether the DSL models them or not (a
     * HorizontalPodAutoscaler, a Job or a Role beside a Deployment; see
     * {@link Kinds#isNamespaced(String, String)}). For kinds whose scope is unknown (custom
     * resources), the namespace is replaced only when they already have one, so a cluster-scoped
     * custom resource never gets one.
     */
    public Manifests namespace(String namespace) {
        Objects.requireNonNull(namespace, "namespace");
        checkSyntax(Names.dns1123Label(namespace), "metadata.namespace", namespace);
        JsonNode namespaceNode = NODES.stringNode(namespace);
        UnaryOperator<ObjectNode> setNamespace = tree -> {
            var namespaced = Kinds.isNamespaced(text(tree, "apiVersion"), text(tree, "kind"));
            boolean set = namespaced.orElseGet(() -> metadataText(tree, "namespace") != null);
            return set ? editMetadata(tree, metadata -> withEntry(metadata, "namespace", namespaceNode)) : tree;
        };
        return new Manifests(trees.stream().map(setNamespace).toList(), existing.stream().map(setNamespace).toList());
    }

    /**
     * A copy with this label on every object's {@code metadata.labels}, replacing a label of the
     * same key. Selectors and pod templates are not touched (selectors of Deployments are
     * immutable in a cluster, so changing them silently would break the next apply).
     */
    public Manifests commonLabel(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        checkSyntax(Names.labelKey(key), "metadata.labels", key);
        checkSyntax(Names.labelValue(value), "metadata.labels[" + key + "]", value);
        return withMetadataEntry("labels", key, value);
    }

    /** A copy with this annotation on every object's {@code metadata.annotations}, replacing one of the same key. */
    public Manifests commonAnnotation(String key, String value) {
        Objects.requireNonNull(key, "key");
        checkSyntax(Names.annotationKey(key), "metadata.annotations", key);
        return withMetadataEntry("annotations", key, value);
    }

    /**
     * The objects as canonical trees (nulls and empties dropped), in install order; each document's
     * {@code index} is its position in this list.
     *
     * <p>The trees are frozen: they are shared (not copied) with the sets derived from this one by
     * {@link #plus}, {@link #namespace} and the like, which copy only the parts they change, and
     * equal small parts are one node across trees and sets, so their object and array nodes throw
     * {@link UnsupportedOperationException} on any change. Use {@link JsonNode#deepCopy()} for a
     * tree to change, or {@link #objects()}.
     */
    public List<ManifestDocument> documents() {
        var result = documents;
        if (result == null) {
            result = inInstallOrder(trees);
            documents = result;
        }
        return result;
    }

    /**
     * Whether a list of documents is one that {@link #documents()} or {@link #existingDocuments()}
     * returned: then its trees are canonical ({@link Trees#canonicalize} returns each unchanged) and
     * it is in install order already, so a writer may skip checking both (for the objects of a
     * typical application, the check costs about a tenth of writing YAML).
     */
    public static boolean isCanonicalInInstallOrder(List<ManifestDocument> documents) {
        return documents instanceof InstallOrderedDocuments;
    }

    /**
     * The documents of a list that {@link #documents()} or {@link #existingDocuments()} returned,
     * in the order their objects were added to the set (each keeps its install-order
     * {@code index}); any other list as it is.
     *
     * <p>For work whose result does not depend on the order, such as validation: objects added
     * together were made together and lie together in memory, and an application's objects refer
     * to each other. Visiting a set of thousands of objects in this order rather than by kind
     * keeps what is being looked at in the CPU caches.
     */
    public static List<ManifestDocument> inAddedOrder(List<ManifestDocument> documents) {
        return documents instanceof InstallOrderedDocuments ordered ? ordered.added : documents;
    }

    /** Multi-document YAML in install order, {@code ---} between documents. */
    public String toYaml() {
        return ManifestWriter.toYaml(documents());
    }

    /** A JSON {@code kind: List} document, or one object when the set has one. */
    public String toJson() {
        return ManifestWriter.toJson(documents());
    }

    /**
     * Writes one file per object ({@code <kind>-<name>.yaml}) into the directory, atomically
     * replacing what it held; see {@link ManifestWriter#writeDirectory}.
     */
    public void writeTo(Path directory) throws IOException {
        writeTo(directory, Layout.FILE_PER_OBJECT);
    }

    /** Writes into the directory in the given layout, atomically; see {@link ManifestWriter#writeDirectory}. */
    public void writeTo(Path directory, Layout layout) throws IOException {
        ManifestWriter.writeDirectory(documents(), directory, layout);
    }

    /**
     * Copies of the objects that exist in the cluster already (created out of band, such as a Secret
     * made with {@code kubectl create secret}): references to them count as satisfied, but they are
     * never written.
     */
    public List<HasMetadata> existing() {
        return existing.stream().map(Trees::toObject).toList();
    }

    /** A copy that also declares these objects as existing out of band. */
    public Manifests withExisting(HasMetadata... existingObjects) {
        return new Manifests(trees, concat(existing, snapshot(Arrays.asList(existingObjects))));
    }

    /** {@link #existing()} as trees, in install order. */
    public List<ManifestDocument> existingDocuments() {
        return inInstallOrder(existing);
    }

    /** Number of objects (not counting existing ones). */
    public int size() {
        return trees.size();
    }

    /** Equal when both hold equal objects in the same order and equal existing objects. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Manifests that && trees.equals(that.trees) && existing.equals(that.existing);
    }

    @Override
    public int hashCode() {
        return 31 * trees.hashCode() + existing.hashCode();
    }

    /** The objects as {@code Kind/namespace/name}, never their content (Secrets stay secret). */
    @Override
    public String toString() {
        var out = new StringBuilder("Manifests[");
        for (int i = 0; i < trees.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(Trees.describe(trees.get(i)));
        }
        if (!existing.isEmpty()) {
            out.append("; existing: ");
            for (int i = 0; i < existing.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(Trees.describe(existing.get(i)));
            }
        }
        return out.append(']').toString();
    }

    // --- helpers --------------------------------------------------------------------------------

    private static List<ObjectNode> snapshot(List<? extends HasMetadata> objects) {
        var result = new ArrayList<ObjectNode>(objects.size());
        for (int i = 0; i < objects.size(); i++) {
            HasMetadata object = objects.get(i);
            if (object == null) {
                throw new NullPointerException("object " + i + " is null");
            }
            result.add(Trees.toTree(object));
        }
        return result;
    }

    private static List<ObjectNode> concat(List<ObjectNode> first, List<ObjectNode> second) {
        var result = new ArrayList<ObjectNode>(first.size() + second.size());
        result.addAll(first);
        result.addAll(second);
        return result;
    }

    /**
     * The trees as documents, stably sorted by {@link Kinds#installOrder()}: each tree's rank is
     * looked up once, rather than twice per comparison.
     */
    private static List<ManifestDocument> inInstallOrder(List<ObjectNode> trees) {
        int[] ranks = new int[trees.size()];
        var order = new ArrayList<Integer>(trees.size());
        for (int i = 0; i < ranks.length; i++) {
            ObjectNode tree = trees.get(i);
            ranks[i] = Kinds.installOrder(text(tree, "apiVersion"), text(tree, "kind"));
            order.add(i);
        }
        order.sort(Comparator.comparingInt(i -> ranks[i])); // stable: the added order among equals
        var indexed = new ManifestDocument[ranks.length];
        var added = new ManifestDocument[ranks.length];
        for (int i = 0; i < indexed.length; i++) {
            int position = order.get(i);
            indexed[i] = ManifestDocument.inMemory(trees.get(position), i);
            added[position] = indexed[i];
        }
        return new InstallOrderedDocuments(indexed, List.of(added));
    }

    /**
     * The unmodifiable list {@link #documents()} returns; its type tells writers that the trees
     * are canonical and in install order ({@link #isCanonicalInInstallOrder}).
     */
    private static final class InstallOrderedDocuments extends AbstractList<ManifestDocument> implements RandomAccess {

        private final ManifestDocument[] documents;
        /** The same documents in the order their objects were added to the set. */
        private final List<ManifestDocument> added;

        InstallOrderedDocuments(ManifestDocument[] documents, List<ManifestDocument> added) {
            this.documents = documents;
            this.added = added;
        }

        @Override
        public ManifestDocument get(int index) {
            return documents[index];
        }

        @Override
        public int size() {
            return documents.length;
        }
    }

    /** Refuses a namespace, label or annotation that the API server would reject on every object. */
    private static void checkSyntax(List<String> errors, String path, String value) {
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("Manifests: " + path + ": Invalid value: \"" + value + "\": "
                    + String.join("; ", errors));
        }
    }

    private Manifests withMetadataEntry(String field, String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        return new Manifests(trees.stream().map(tree -> editMetadata(tree, metadata -> {
            JsonNode map = metadata.get(field);
            ObjectNode entries = map instanceof ObjectNode object ? object : NODES.objectNode();
            return withEntry(metadata, field, withEntry(entries, key, NODES.stringNode(value)));
        })).toList(), existing);
    }

    /**
     * The tree with its metadata replaced by {@code edit(metadata)}, sharing every other subtree
     * with the original: trees held here are frozen, so sharing is safe, and a copy of the whole
     * object per edit was most of the cost of {@link #namespace}. The edit keeps the canonical
     * order (it inserts keys in sorted position), so the result needs no re-sorting.
     */
    private static ObjectNode editMetadata(ObjectNode tree, UnaryOperator<ObjectNode> edit) {
        JsonNode metadata = tree.get("metadata");
        ObjectNode edited = edit.apply(metadata instanceof ObjectNode object ? object : NODES.objectNode());
        // replacing keeps the key's position; only a tree without metadata gets it out of place
        ObjectNode copy = Trees.withProperty(tree, "metadata", edited);
        return metadata == null ? Trees.canonicalize(copy) : copy;
    }

    /** A frozen copy of a sorted object with {@code key} set to {@code value}, still sorted. */
    private static ObjectNode withEntry(ObjectNode sorted, String key, JsonNode value) {
        return Trees.withProperty(sorted, key, value);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }

    private static String metadataText(JsonNode tree, String field) {
        JsonNode metadata = tree.get("metadata");
        return metadata == null ? null : text(metadata, field);
    }
}
