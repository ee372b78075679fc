package dev.manifestkit.validation;

import java.util.List;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.core.tree.Trees;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Whole numbers written as floats ({@code replicas: -1.0}, {@code containerPort: 80.0}) taken as
 * the integers kubectl sends ({@link Trees#wholeNumber}). The readers and {@code Manifests} already
 * do this; a document built in memory around a tree of its own (a Jackson parse, a hand-made
 * {@code ObjectNode}) may hold {@code 80.0} as a double, which the schema would call "not an
 * integer" and integer-only rules would skip.
 */
final class WholeNumbers {

    private WholeNumbers() {
    }

    /**
     * The document with its whole floats as integers; the document itself when it has none, or
     * when it was read from text (the readers made them integers already). Call only on a tree
     * whose depth was checked.
     */
    static ManifestDocument asKubectlSends(ManifestDocument document) {
        if (!document.locations().isEmpty() || !hasWholeFloat(document.tree())) {
            return document;
        }
        var copy = document.tree().deepCopy();
        replace(copy);
        return new ManifestDocument(copy, document.origin(), document.index(), document.locations(), document.item());
    }

    private static boolean hasWholeFloat(JsonNode node) {
        if (node.isContainer()) {
            for (JsonNode child : node.values()) {
                if (hasWholeFloat(child)) {
                    return true;
                }
            }
            return false;
        }
        return Trees.wholeNumber(node) != null;
    }

    private static void replace(JsonNode container) {
        if (container instanceof ObjectNode object) {
            for (var name : List.copyOf(object.propertyNames())) {
                var value = object.get(name);
                var integer = Trees.wholeNumber(value);
                if (integer != null) {
                    object.set(name, integer);
                } else if (value.isContainer()) {
                    replace(value);
                }
            }
        } else if (container instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                var integer = Trees.wholeNumber(array.get(i));
                if (integer != null) {
                    array.set(i, integer);
                } else if (array.get(i).isContainer()) {
                    replace(array.get(i));
                }
            }
        }
    }

}
