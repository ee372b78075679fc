package dev.manifestkit.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.manifestkit.core.ManifestDocument;

/**
 * The objects of one validation run, indexed by kind, for cross-object rules. Objects declared
 * to exist out of band (an {@code existingSecret}) are found here but are never validated.
 *
 * <p>Lookups by kind, namespace and name are hash lookups, so cross-object rules cost the same
 * per object in a set of 16 or of 16,000.
 */
public final class ManifestIndex {

    private final List<ManifestDocument> documents;
    private final List<ManifestDocument> existing;
    private final Map<String, List<ManifestDocument>> byKind = new HashMap<>();
    private final Map<Scope, List<ManifestDocument>> byKindAndNamespace;
    private final Map<Identity, ManifestDocument> byIdentity;
    private final Map<Identity, ManifestDocument> firstValidated;
    private boolean duplicates;

    /** A kind in a namespace ({@code ""} for none). */
    private record Scope(String kind, String namespace) {
    }

    /** A kind, namespace ({@code ""} for none) and name. */
    private record Identity(String kind, String namespace, String name) {
    }

    /**
     * @param documents the objects being validated
     * @param existing  objects known to exist in the cluster already (referenced, not emitted)
     */
    public ManifestIndex(List<ManifestDocument> documents, List<ManifestDocument> existing) {
        this.documents = List.copyOf(documents);
        this.existing = List.copyOf(existing);
        int objects = this.documents.size() + this.existing.size();
        // sized for every object up front: growing a map of 16,000 entries rehashes it ten times
        this.byIdentity = sized(objects);
        this.firstValidated = sized(this.documents.size());
        this.byKindAndNamespace = sized(objects);
        for (var list : List.of(this.documents, this.existing)) {
            for (var doc : list) {
                var kind = doc.kind().map(k -> ApiGroups.qualifiedKind(doc.apiVersion().orElse(null), k)).orElse(null);
                if (kind == null) {
                    continue;
                }
                var namespace = doc.namespace().orElse("");
                byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(doc);
                byKindAndNamespace.computeIfAbsent(new Scope(kind, namespace), k -> new ArrayList<>()).add(doc);
                var name = doc.name();
                var identity = new Identity(kind, namespace, name.orElse(""));
                byIdentity.putIfAbsent(identity, doc);
                if (list == this.documents && name.isPresent() && firstValidated.putIfAbsent(identity, doc) != null) {
                    duplicates = true;
                }
            }
        }
    }

    /** A hash map that holds this many entries without growing. */
    private static <K, V> Map<K, V> sized(int entries) {
        return new HashMap<>((int) (entries / 0.75f) + 1);
    }

    /** The objects being validated. */
    public List<ManifestDocument> documents() {
        return documents;
    }

    /** The objects declared to exist out of band. */
    public List<ManifestDocument> existing() {
        return existing;
    }

    /** Every object (validated or existing) of this kind. */
    public List<ManifestDocument> ofKind(String kind) {
        return byKind.getOrDefault(kind, List.of());
    }

    /**
     * The object of this kind and name in this namespace. A null or empty namespace matches
     * objects with no namespace set (they land in the same namespace on apply).
     */
    public Optional<ManifestDocument> find(String kind, String namespace, String name) {
        if (kind == null || name == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(byIdentity.get(new Identity(kind, namespace == null ? "" : namespace, name)));
    }

    /**
     * Every object (validated or existing) of this kind in this namespace, in set order. A null or
     * empty namespace means objects with no namespace set.
     */
    public List<ManifestDocument> ofKind(String kind, String namespace) {
        return byKindAndNamespace.getOrDefault(new Scope(kind, namespace == null ? "" : namespace), List.of());
    }

    /**
     * Whether two of the validated objects (not the existing ones) share kind, namespace and
     * name: when none do, a check for duplicates need not look anything up.
     */
    public boolean hasDuplicates() {
        return duplicates;
    }

    /**
     * The first of the validated objects (not the existing ones) with this kind, namespace and
     * name, in set order: the one a later duplicate collides with.
     */
    public Optional<ManifestDocument> firstOf(String kind, String namespace, String name) {
        if (kind == null || name == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(firstValidated.get(new Identity(kind, namespace == null ? "" : namespace, name)));
    }
}
