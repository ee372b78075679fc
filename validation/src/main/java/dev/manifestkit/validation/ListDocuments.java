package dev.manifestkit.validation;

import java.util.ArrayList;
import java.util.List;

import dev.manifestkit.core.ManifestDocument;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code kind: List} documents, as {@code kubectl get -o yaml} writes them: kubectl applies their
 * items, so the validator validates the items, each with its own source locations.
 */
public final class ListDocuments {

    /** The rule id of a List item that is not an object (the CLI reports it under the same id). */
    public static final String ITEM_RULE = "input/type-meta";

    private static final String ITEMS = "/items/";

    private ListDocuments() {
    }

    /** True for a {@code kind: List} document with an {@code items} array. */
    public static boolean isList(ManifestDocument document) {
        return "List".equals(document.kind().orElse(null)) && document.tree().path("items").isArray();
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
        var expanded = new ArrayList<ManifestDocument>(items.size());
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof ObjectNode item) {
                expanded.add(new ManifestDocument(item, document.origin(), document.index(), locations.get(i)));
            }
        }
        return expanded;
    }

    /** One error per item of a List that is not an object; none for other documents. */
    public static List<Problem> itemProblems(ManifestDocument document) {
        if (!isList(document)) {
            return List.of();
        }
        var items = document.tree().get("items");
        var problems = new ArrayList<Problem>();
        for (int i = 0; i < items.size(); i++) {
            if (!items.get(i).isObject()) {
                problems.add(new Problem(Severity.ERROR, ITEM_RULE, ObjectRef.of(document),
                        FieldPath.root("items").index(i), ErrorType.INVALID, null, "a List item must be an object",
                        document.locationOf(ITEMS + i).orElse(null)));
            }
        }
        return problems;
    }
}
