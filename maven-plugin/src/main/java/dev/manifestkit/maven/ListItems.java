package dev.manifestkit.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.validation.FileError;
import tools.jackson.databind.node.ObjectNode;

/**
 * Expands {@code kind: List} documents ({@code kubectl get -o yaml} output) into their items, as
 * kubectl and {@code manifestkit validate} do, so each item is validated as the object it is.
 */
final class ListItems {

    private static final String ITEMS = "/items/";

    private ListItems() {
    }

    /**
     * The document itself, or the items of a {@code kind: List} with their own source locations;
     * an item that is not an object goes to {@code errors} with its position.
     */
    static List<ManifestDocument> expand(ManifestDocument document, String file, Consumer<FileError> errors) {
        var items = document.tree().get("items");
        if (!"List".equals(document.kind().orElse(null)) || items == null || !items.isArray()) {
            return List.of(document);
        }
        var locations = document.itemLocations();
        var expanded = new ArrayList<ManifestDocument>(items.size());
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof ObjectNode item) {
                expanded.add(new ManifestDocument(item, document.origin(), document.index(), locations.get(i)));
            } else {
                errors.accept(new FileError(file, document.locationOf(ITEMS + i).orElse(null),
                        "items[" + i + "]: a List item must be an object"));
            }
        }
        return expanded;
    }
}
