package dev.manifestkit.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.core.SourceLocation;

/** Splits a {@code kind: List} document's source locations among its items. */
final class Lists {

    private static final String ITEMS = "/items/";

    private Lists() {
    }

    /**
     * For each item, the locations of its values keyed by JSON pointers relative to the item
     * ({@code /items/2/spec/replicas} becomes {@code /spec/replicas} of item 2). One pass over
     * the locations, whatever the number of items.
     */
    static List<Map<String, SourceLocation>> itemLocations(ManifestDocument list, int itemCount) {
        var perItem = new ArrayList<Map<String, SourceLocation>>(itemCount);
        for (var i = 0; i < itemCount; i++) {
            perItem.add(new HashMap<>());
        }
        for (var entry : list.locations().entrySet()) {
            var pointer = entry.getKey();
            if (!pointer.startsWith(ITEMS)) {
                continue;
            }
            var end = pointer.indexOf('/', ITEMS.length());
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
}
