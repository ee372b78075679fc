package dev.manifestkit.core.tree;

import java.util.LinkedHashMap;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The node factory of the trees {@code valueToTree} makes on the way to a canonical tree. Those
 * trees are read once, by the canonical copy, and then dropped; most of their object nodes hold
 * one to three properties, so they start with room for a few rather than Jackson's sixteen.
 *
 * <p>Why the maps stay {@code LinkedHashMap}s rather than something leaner: every object node
 * manifestkit reads is backed by a {@code LinkedHashMap} (trees from files) or a {@link FrozenMap}
 * (canonical trees). A third map class would make the JIT's calls from {@code ObjectNode} into its
 * map megamorphic everywhere, and validation slows down by more than building saves.
 */
final class ScratchNodes extends JsonNodeFactory {

    private static final long serialVersionUID = 1L;

    @Override
    public ObjectNode objectNode() {
        return new ObjectNode(this, new LinkedHashMap<>(4));
    }

    @Override
    public ArrayNode arrayNode() {
        return new ArrayNode(this, 4);
    }
}
