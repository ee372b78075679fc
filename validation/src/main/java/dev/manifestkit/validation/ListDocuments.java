package dev.manifestkit.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.core.MessageText;
import dev.manifestkit.core.tree.Trees;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * List documents, as {@code kubectl get -o yaml} writes them ({@code kind: List}) and as list
 * endpoints return them ({@code kind: RoleBindingList}, …): kubectl reads every document with an
 * {@code items} array as a list (apimachinery's {@code UnstructuredJSONScheme}, whatever its kind)
 * and applies the items, so the validator validates the items, each with its own source
 * locations. An item with neither {@code apiVersion} nor {@code kind} takes the list's
 * {@code apiVersion} and its kind without the {@code List} suffix, as kubectl fills them in for
 * typed lists, whose items the API server sends without them.
 */
public final class ListDocuments {

    /** The rule id of a List item that is not an object (the CLI reports it under the same id). */
    public static final String ITEM_RULE = "input/type-meta";

    private static final String ITEMS = "/items/";

    private ListDocuments() {
    }

    /** True for a document with an {@code items} array, whatever its kind. */
    public static boolean isList(ManifestDocument document) {
        return document.tree().path("items").isArray();
    }

    /**
     * The document itself, or a List's items that are objects, with locations relative to each item
     * ({@code /items/2/spec/replicas} becomes {@code /spec/replicas} of item 2).
     */
    public static List<ManifestDocument> expand(ManifestDocument document) {
        if (!isList(document)) {
            return List.of(document);
        }
        var items = document.tree().get("items");
        var locations = document.itemLocations();
        var apiVersion = document.tree().get("apiVersion");
        var kind = document.kind().orElse("");
        var itemKind = kind.endsWith("List") ? kind.substring(0, kind.length() - "List".length()) : kind;
        var expanded = new ArrayList<ManifestDocument>(items.size());
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof ObjectNode item) {
                var typed = item.has("apiVersion") || item.has("kind") ? item : typed(item, apiVersion, itemKind);
                expanded.add(new ManifestDocument(typed, document.origin(), document.index(), locations.get(i), i));
            }
        }
        return expanded;
    }

    /** An untyped item with the list's apiVersion and item kind, where the list has them. */
    private static ObjectNode typed(ObjectNode item, JsonNode apiVersion, String kind) {
        if (kind.isEmpty() && apiVersion == null) {
            return item;
        }
        var copy = item.deepCopy();
        if (apiVersion != null) {
            copy.set("apiVersion", apiVersion);
        }
        if (!kind.isEmpty()) {
            copy.put("kind", kind);
        }
        return copy;
    }

    /**
     * The one problem of a {@code kind: List} document whose {@code items} is missing or not a
     * list, or null. kubectl reads such a document as an object of kind List, which no API serves;
     * saying that (no schema for v1 List, no name) would hide what is wrong.
     */
    static Problem itemsProblem(ManifestDocument document) {
        // a typed list (RoleBindingList) with a bad items is kubectl's error too, but as an object of
        // that kind the schema layer says more; a bare List has no schema to say anything
        if (!"List".equals(document.kind().orElse(null)) || isList(document)) {
            return null;
        }
        var items = document.tree().get("items");
        var location = document.locationOf("/items").orElse(null);
        if (items == null) {
            return new Problem(Severity.ERROR, ITEM_RULE, ObjectRef.of(document), FieldPath.root("items"),
                    ErrorType.REQUIRED, null, "a List holds its objects in items, a list", location);
        }
        String shown = items.isString() ? items.asString() : Trees.shortJson(items, MessageText.MAX_PART);
        return new Problem(Severity.ERROR, ITEM_RULE, ObjectRef.of(document), FieldPath.root("items"),
                ErrorType.INVALID, shown, "a List's items must be a list of objects, not " + kindOf(items), location);
    }

    private static String kindOf(JsonNode node) {
        return node.isObject() ? "a mapping" : node.isString() ? "a string" : node.isNumber() ? "a number"
                : node.isBoolean() ? "a boolean" : "a scalar";
    }

    /**
     * The List's own result when items of it are not objects: one error per such item (the first
     * {@value ResourceResult#MAX_PROBLEMS_PER_RULE}, the others counted); empty for other documents.
     */
    public static Optional<ResourceResult> itemResult(ManifestDocument document) {
        if (!isList(document)) {
            return Optional.empty();
        }
        var items = document.tree().get("items");
        var object = ObjectRef.of(document);
        var problems = new ProblemSink();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).isObject()) {
                continue;
            }
            if (!problems.keeps(ITEM_RULE, Severity.ERROR)) {
                problems.addNotShown(Severity.ERROR, 1);
            } else {
                problems.add(new Problem(Severity.ERROR, ITEM_RULE, object, FieldPath.root("items").index(i),
                        ErrorType.INVALID, null, "a List item must be an object",
                        document.locationOf(ITEMS + i).orElse(null)));
            }
        }
        return problems.kept().isEmpty() ? Optional.empty() : Optional.of(problems.result(object));
    }
}
