package dev.manifestkit.validation;

import java.util.List;

import dev.manifestkit.core.ManifestDocument;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Builds test objects as plain trees (the shape the validator works on), straight from JSON. */
public final class TestDocs {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private TestDocs() {
    }

    /** A tree from JSON; single quotes allowed for readability. */
    public static ObjectNode tree(String json) {
        return (ObjectNode) JSON.readTree(json.replace('\'', '"'));
    }

    /** An in-memory document from JSON. */
    public static ManifestDocument doc(String json) {
        return ManifestDocument.inMemory(tree(json), 0);
    }

    /** An in-memory document at a position. */
    public static ManifestDocument doc(String json, int index) {
        return ManifestDocument.inMemory(tree(json), index);
    }

    /** A copy of the tree without the value at a JSON pointer. */
    public static ObjectNode without(ObjectNode tree, String pointer) {
        var copy = tree.deepCopy();
        var at = JsonPointer.compile(pointer);
        ((ObjectNode) copy.at(at.head())).remove(at.last().getMatchingProperty());
        return copy;
    }

    /** A copy of the tree with the value at a JSON pointer set (parents must exist). */
    public static ObjectNode with(ObjectNode tree, String pointer, String valueJson) {
        var copy = tree.deepCopy();
        var at = JsonPointer.compile(pointer);
        JsonNode value = JSON.readTree(valueJson.replace('\'', '"'));
        ((ObjectNode) copy.at(at.head())).set(at.last().getMatchingProperty(), value);
        return copy;
    }

    /** A validator running the schema layer only, so tests see nothing else. */
    public static Validator schemaOnly(String version, boolean strict) {
        return Validator.builder().kubernetesVersion(version).strict(strict).rules(List.of()).build();
    }
}
