package dev.manifestkit.core.tree;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

import java.util.List;

/**
 * One shared frozen node for each recently seen small object or list, as {@link SharedScalars} is
 * for short strings and ints: equal subtrees of the trees {@link Trees#toTree} makes are one
 * subtree.
 *
 * <p>Why: what a set holds repeats far beyond its scalars. A Deployment's selector, its pod
 * template's labels and its Service's selector are the same {@code {app: web}}; the objects of one
 * application deployed to many namespaces (a set per tenant or environment, joined) differ only in
 * their metadata. Every node a large set keeps alive is one more for the collector to copy while
 * the set is worked on: before subtrees were shared, a set of 16,000 such objects spent about 2 µs
 * per object, a fifth of the whole pipeline, in the collector copying trees, and a set of 160
 * almost nothing. Shared, the set keeps each distinct subtree once, and the passes over it
 * (validation, writing) touch less memory.
 *
 * <p>Sharing is safe because frozen trees cannot change (a change throws) and nothing in
 * manifestkit tells nodes apart by identity. A subtree is shared bottom-up, only when all its
 * scalars are ones {@link SharedScalars} may share and all its objects and lists are shared
 * themselves; so two subtrees are equal exactly when their keys and scalars are equal and their
 * children are the same nodes, and the check on a hit is one level deep. Hashes are carried up
 * from the children as the tree is copied ({@link Tracker}), so a hit allocates nothing.
 *
 * <p>The cache is direct-mapped and bounded ({@value #SLOTS} slots per type, subtrees of at most
 * {@value #MAX_WEIGHT} entries), so it never grows with the input, and once a set is gone it keeps
 * at most that much of its small subtrees alive; a collision replaces the older subtree. Lookups
 * and replacements race harmlessly between threads: an entry's fields are final, so a thread sees
 * either a complete entry or none, and a missed share only costs memory. As for
 * {@link SharedScalars}, callers must not pass a Secret's values (nor those of a list that may
 * hold Secrets): they would outlive the Secret here.
 */
final class SharedSubtrees {

    private static final int SLOTS = 1024;
    /** The most entries (of its objects and lists, nested ones included) a shared subtree may hold. */
    private static final int MAX_WEIGHT = 64;

    /** A shared object with its map, so a lookup compares entries without going through views. */
    private record SharedObject(int hash, ObjectNode node, FrozenMap map) {
    }

    private record SharedArray(int hash, ArrayNode node) {
    }

    private static final SharedObject[] OBJECTS = new SharedObject[SLOTS];
    private static final SharedArray[] ARRAYS = new SharedArray[SLOTS];

    private SharedSubtrees() {
    }

    /**
     * What a tree being copied knows about the child it copied last: whether that child may be
     * part of a shared subtree, its weight (the entries of its objects and lists) and its hash (equal
     * for equal subtrees). One per tree, so a copy allocates nothing more per node.
     */
    static final class Tracker {
        boolean shareable;
        int weight;
        int hash;

        /** Records a scalar child, shared or not by {@link SharedScalars}. */
        void scalar(JsonNode scalar) {
            shareable = isShareableScalar(scalar);
            weight = 0;
            hash = shareable ? scalar.hashCode() : 0;
        }

        /** Records a child that must not be shared (a root, a big subtree, one of a Secret). */
        void notShareable() {
            shareable = false;
            weight = 0;
            hash = 0;
        }

        private void shared(int weight, int hash) {
            this.shareable = true;
            this.weight = weight;
            this.hash = hash;
        }
    }

    /** How an object's hash takes in an entry: in no particular order, as the map's entries are sorted anyway. */
    static int entryHash(String key, int childHash) {
        return 31 * key.hashCode() ^ childHash;
    }

    /** How a list's hash takes in its next element. */
    static int elementHash(int hash, int childHash) {
        return 31 * hash + childHash;
    }

    /**
     * A frozen object holding the first {@code used} slots of alternating keys and values: the
     * shared one equal to it when there is one, else a new one (shared from now on when it may
     * be). {@code shareable} says whether all its children may be part of a shared subtree,
     * {@code weight} is their total weight and {@code hash} the sum of their {@link #entryHash}es;
     * the tracker is left describing the returned node.
     */
    static ObjectNode object(JsonNodeFactory nodes, Object[] slots, int used, boolean shareable, int weight,
                             int hash, Tracker tracker) {
        int total = weight + (used >> 1);
        if (!shareable || total > MAX_WEIGHT) {
            tracker.notShareable();
            return new ObjectNode(nodes, new FrozenMap(slots, used));
        }
        int slot = mix(hash) & (SLOTS - 1);
        tracker.shared(total, hash);
        SharedObject cached = OBJECTS[slot];
        if (cached != null && cached.hash == hash && sameEntries(cached.map, slots, used)) {
            return cached.node;
        }
        var map = new FrozenMap(slots, used);
        var node = new ObjectNode(nodes, map);
        OBJECTS[slot] = new SharedObject(hash, node, map);
        return node;
    }

    /** Like {@link #object}, for a list of {@code elements} whose {@link #elementHash}es make {@code hash}. */
    static ArrayNode array(JsonNodeFactory nodes, JsonNode[] elements, boolean shareable, int weight, int hash,
                           Tracker tracker) {
        int total = weight + elements.length;
        if (!shareable || total > MAX_WEIGHT) {
            tracker.notShareable();
            return new ArrayNode(nodes, List.of(elements));
        }
        int slot = mix(hash) & (SLOTS - 1);
        tracker.shared(total, hash);
        SharedArray cached = ARRAYS[slot];
        if (cached != null && cached.hash == hash && sameElements(cached.node, elements)) {
            return cached.node;
        }
        var node = new ArrayNode(nodes, List.of(elements));
        ARRAYS[slot] = new SharedArray(hash, node);
        return node;
    }

    private static boolean sameEntries(FrozenMap map, Object[] slots, int used) {
        if (map.size() != used >> 1) {
            return false;
        }
        for (int i = 0; i < used; i += 2) {
            if (!map.keyAt(i >> 1).equals(slots[i]) || !sameChild(map.valueAt(i >> 1), (JsonNode) slots[i + 1])) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameElements(ArrayNode array, JsonNode[] elements) {
        if (array.size() != elements.length) {
            return false;
        }
        for (int i = 0; i < elements.length; i++) {
            if (!sameChild(array.get(i), elements[i])) {
                return false;
            }
        }
        return true;
    }

    /** Children of shared subtrees: containers are shared themselves, so identity decides. */
    private static boolean sameChild(JsonNode a, JsonNode b) {
        if (a == b) {
            return true;
        }
        return !a.isContainer() && a.getClass() == b.getClass() && a.equals(b);
    }

    /** Scalars whose equality is their value's, and small enough to be kept by the cache. */
    private static boolean isShareableScalar(JsonNode scalar) {
        Class<?> type = scalar.getClass();
        if (type == StringNode.class) {
            return scalar.stringValue().length() <= SharedScalars.MAX_LENGTH;
        }
        return type == IntNode.class || type == LongNode.class || type == BooleanNode.class;
    }

    /** Spreads the hash's high bits into the low ones the slot is taken from. */
    private static int mix(int hash) {
        return hash ^ (hash >>> 16);
    }
}
