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
 */
public final class ManifestIndex {

    private final List<ManifestDocument> documents;
    private final List<ManifestDocument> existing;
    private final Map<String, List<ManifestDocument>> byKind = new HashMap<>();

    /**
     * @param documents the objects being validated
     * @param existing  objects known to exist in the cluster already (referenced, not emitted)
     */
    public ManifestIndex(List<ManifestDocument> documents, List<ManifestDocument> existing) {
        this.documents = List.copyOf(documents);
        this.existing = List.copyOf(existing);
        for (var list : List.of(this.documents, this.existing)) {
            for (var doc : list) {
                doc.kind().ifPresent(kind -> byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(doc));
            }
        }
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
        var ns = namespace == null ? "" : namespace;
        for (var doc : ofKind(kind)) {
            if (doc.name().orElse("").equals(name) && doc.namespace().orElse("").equals(ns)) {
                return Optional.of(doc);
            }
        }
        return Optional.empty();
    }
}
