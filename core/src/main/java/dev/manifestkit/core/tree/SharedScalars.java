package dev.manifestkit.core.tree;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.StringNode;

/**
 * One shared node for each recently seen short string and int, so that the trees of a large set
 * do not each hold their own copy of {@code "TCP"}, {@code "app"} or {@code 8080}.
 *
 * <p>Why: a set's values repeat (16,000 objects of the benchmark hold 270 distinct strings), and
 * every node a tree holds is one more object for the collector to copy while the set is alive.
 * Shared, the ten or so string and int nodes of a typical object are made once for the whole set.
 *
 * <p>The cache is direct-mapped and bounded ({@value #SLOTS} slots per type, strings of at most
 * {@value #MAX_LENGTH} characters), so it never grows with the input; a collision simply replaces
 * the older node. Lookups and replacements race harmlessly between threads: the nodes are
 * immutable (their value is a final field), so any node a thread reads is a complete one, and a
 * missed share only costs memory. {@link SharedSubtrees} does the same for small objects and
 * lists made of such nodes. Callers must not pass a Secret's values (nor those of a list
 * that may hold Secrets): they would outlive the Secret here.
 */
final class SharedScalars {

    private static final int SLOTS = 4096;
    static final int MAX_LENGTH = 64;

    private static final StringNode[] STRINGS = new StringNode[SLOTS];
    private static final IntNode[] INTS = new IntNode[SLOTS];

    private SharedScalars() {
    }

    /**
     * The shared node equal to {@code node} when there is one, else {@code node} itself (shared
     * from now on when it is a plain short string or int node).
     */
    static JsonNode share(JsonNode node) {
        if (node.getClass() == StringNode.class) {
            var string = (StringNode) node;
            String value = string.stringValue();
            if (value.length() > MAX_LENGTH) {
                return node;
            }
            int slot = mix(value.hashCode()) & (SLOTS - 1);
            StringNode cached = STRINGS[slot];
            if (cached != null && value.equals(cached.stringValue())) {
                return cached;
            }
            STRINGS[slot] = string;
            return node;
        }
        if (node.getClass() == IntNode.class) {
            var number = (IntNode) node;
            int value = number.intValue();
            int slot = mix(value) & (SLOTS - 1);
            IntNode cached = INTS[slot];
            if (cached != null && cached.intValue() == value) {
                return cached;
            }
            INTS[slot] = number;
            return node;
        }
        return node;
    }

    /** Spreads the hash's high bits into the low ones the slot is taken from. */
    private static int mix(int hash) {
        return hash ^ (hash >>> 16);
    }
}
