package dev.manifestkit.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.manifestkit.core.tree.Trees;
import tools.jackson.databind.node.ObjectNode;

/**
 * One Kubernetes object as a plain JSON tree, with where it came from.
 *
 * <p>This is the shape the validator and the writer work on: objects built with the DSL are
 * converted to it once, files are read straight into it without binding to fabric8 classes.
 * Null fields are already removed (Kubernetes treats them as absent).
 *
 * @param tree      the object; callers must not modify it
 * @param origin    the file (or {@code "<stdin>"}, {@code "<memory>"}) it was read from
 * @param index     0-based position of the document in its origin
 * @param locations line and column of each value, keyed by JSON pointer ({@code /spec/replicas});
 *                  empty for objects that were not read from text
 * @param item      0-based position among the items of the {@code kind: List} document at {@code index}, or -1
 *                  for a document of its own: items share their List's index, and this keeps them in file order
 */
public record ManifestDocument(ObjectNode tree, String origin, int index, Map<String, SourceLocation> locations,
                               int item) {

    private static final String ITEMS = "/items/";

    /** Checks that tree and origin are given; copies the locations. */
    public ManifestDocument {
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(origin, "origin");
        locations = SourceLocations.copyOf(locations);
    }

    /** A document of its own (not a List's item). */
    public ManifestDocument(ObjectNode tree, String origin, int index, Map<String, SourceLocation> locations) {
        this(tree, origin, index, locations, -1);
    }

    /** A document made in memory (from a built object), with no source locations. */
    public static ManifestDocument inMemory(ObjectNode tree, int index) {
        return new ManifestDocument(tree, "<memory>", index, Map.of());
    }

    /** The object's {@code kind}, or empty if missing or not a string. */
    public Optional<String> kind() {
        return text("kind");
    }

    /** The object's {@code apiVersion}, or empty if missing or not a string. */
    public Optional<String> apiVersion() {
        return text("apiVersion");
    }

    /** {@code metadata.name}, or empty. */
    public Optional<String> name() {
        var metadata = tree.get("metadata");
        if (metadata == null || !metadata.isObject()) {
            return Optional.empty();
        }
        var name = metadata.get("name");
        return name != null && name.isString() ? Optional.of(name.asString()) : Optional.empty();
    }

    /** {@code metadata.namespace}, or empty. */
    public Optional<String> namespace() {
        var metadata = tree.get("metadata");
        if (metadata == null || !metadata.isObject()) {
            return Optional.empty();
        }
        var ns = metadata.get("namespace");
        return ns != null && ns.isString() ? Optional.of(ns.asString()) : Optional.empty();
    }

    /**
     * Where the value at a JSON pointer was read, falling back to the nearest enclosing value
     * that has a location.
     */
    public Optional<SourceLocation> locationOf(String jsonPointer) {
        var pointer = jsonPointer;
        while (true) {
            var found = locations.get(pointer);
            if (found != null) {
                return Optional.of(found);
            }
            if (pointer.isEmpty()) {
                return Optional.empty();
            }
            pointer = pointer.substring(0, Math.max(0, pointer.lastIndexOf('/')));
        }
    }

    /**
     * For a document holding an {@code items} array (a {@code kind: List}, as {@code kubectl get
     * -o yaml} prints), the source locations of each item's values keyed by JSON pointers relative
     * to the item ({@code /items/2/spec/replicas} becomes {@code /spec/replicas} of item 2), so
     * each item can be checked as a document of its own with its real lines. Empty without an
     * {@code items} array. One pass over the locations, whatever the number of items.
     */
    public List<Map<String, SourceLocation>> itemLocations() {
        var items = tree.get("items");
        int itemCount = items != null && items.isArray() ? items.size() : 0;
        var perItem = new ArrayList<Map<String, SourceLocation>>(itemCount);
        for (int i = 0; i < itemCount; i++) {
            perItem.add(new HashMap<>());
        }
        for (var entry : locations.entrySet()) {
            var pointer = entry.getKey();
            if (!pointer.startsWith(ITEMS)) {
                continue;
            }
            int end = pointer.indexOf('/', ITEMS.length());
            var indexText = end < 0 ? pointer.substring(ITEMS.length()) : pointer.substring(ITEMS.length(), end);
            int index;
            try {
                index = Integer.parseInt(indexText);
            } catch (NumberFormatException e) {
                continue;
            }
            if (index >= 0 && index < itemCount) {
                perItem.get(index).put(end < 0 ? "" : pointer.substring(end), entry.getValue());
            }
        }
        return perItem;
    }

    /**
     * Kind, namespace and name, origin, index and item (if one); never the tree, which may hold a Secret's values
     * (print {@code tree()} where that is wanted).
     */
    @Override
    public String toString() {
        return "ManifestDocument[" + Trees.describe(tree) + ", origin=" + origin + ", index=" + index
                + (item < 0 ? "" : ", item=" + item) + ", locations=" + locations.size() + "]";
    }

    private Optional<String> text(String field) {
        var value = tree.get(field);
        return value != null && value.isString() ? Optional.of(value.asString()) : Optional.empty();
    }
}
