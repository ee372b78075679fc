package dev.manifestkit.core.tree;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The children of a canonical tree's object node: an immutable map held as one array of
 * alternating keys and values, in canonical order.
 *
 * <p>Why not the {@code LinkedHashMap} Jackson uses: a Kubernetes object has a few keys per level,
 * and a linked hash map spends about 40 bytes per entry plus a 16-slot table on them. The trees of
 * a set of 16,000 objects then outgrow the CPU caches, and every pass over them (validation,
 * writing) waits on memory. Held as one array, a tree is about a third the size, and a lookup
 * scans a few adjacent slots instead of following a hash chain. Maps with more than
 * {@value #INDEXED} keys (a large ConfigMap) also get a hash index, so lookups stay constant-time.
 *
 * <p>Being immutable also makes the promise of {@code Manifests.documents()} true: its trees are
 * shared between sets, and a mutating call on them throws {@link UnsupportedOperationException}.
 */
final class FrozenMap extends AbstractMap<String, JsonNode> {

    /** Above this many keys, lookups go through a hash index rather than a scan. */
    private static final int INDEXED = 12;

    private static final Object[] NONE = {};

    /** Alternating keys and values: {@code keysAndValues[2i]} is a key, {@code [2i + 1]} its value. */
    private final Object[] keysAndValues;
    /** Key to value, only for maps with more than {@value #INDEXED} keys; null otherwise. */
    private final Map<String, JsonNode> index;
    /** The entry-set view, made on first use (a benign race: every instance is equivalent). */
    private Set<Map.Entry<String, JsonNode>> entries;

    /**
     * @param keysAndValues alternating non-null keys and values, distinct keys, owned from now on
     *                      by this map (the caller must not keep or change the array)
     * @param length        how many slots of the array are used (twice the number of entries)
     */
    FrozenMap(Object[] keysAndValues, int length) {
        Object[] slots = length == 0 ? NONE
                : length == keysAndValues.length ? keysAndValues
                : java.util.Arrays.copyOf(keysAndValues, length);
        this.keysAndValues = slots;
        if (slots.length / 2 > INDEXED) {
            @SuppressWarnings("unchecked")
            Map.Entry<String, JsonNode>[] entries = new Map.Entry[slots.length / 2];
            for (int i = 0; i < entries.length; i++) {
                entries[i] = Map.entry((String) slots[2 * i], (JsonNode) slots[2 * i + 1]);
            }
            this.index = Map.ofEntries(entries);
        } else {
            this.index = null;
        }
    }

    @Override
    public int size() {
        return keysAndValues.length >> 1;
    }

    @Override
    public boolean isEmpty() {
        return keysAndValues.length == 0;
    }

    @Override
    public JsonNode get(Object key) {
        if (index != null) {
            return key == null ? null : index.get(key);
        }
        Object[] slots = keysAndValues;
        for (int i = 0; i < slots.length; i += 2) {
            Object candidate = slots[i];
            if (candidate == key || candidate.equals(key)) {
                return (JsonNode) slots[i + 1];
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public JsonNode put(String key, JsonNode value) {
        throw frozen();
    }

    @Override
    public JsonNode remove(Object key) {
        throw frozen();
    }

    @Override
    public void putAll(Map<? extends String, ? extends JsonNode> more) {
        throw frozen();
    }

    @Override
    public void clear() {
        throw frozen();
    }

    /** What a change to a frozen tree gets: it says what to do instead. */
    static UnsupportedOperationException frozen() {
        return new UnsupportedOperationException(
                "this tree is frozen (it may be shared between sets); change a deepCopy() of it instead");
    }

    @Override
    public Set<Map.Entry<String, JsonNode>> entrySet() {
        var view = entries;
        if (view == null) {
            view = new EntrySet();
            entries = view;
        }
        return view;
    }

    /** The entries in canonical order, read-only. */
    private final class EntrySet extends AbstractSet<Map.Entry<String, JsonNode>> {

        @Override
        public Iterator<Map.Entry<String, JsonNode>> iterator() {
            return new Entries(keysAndValues);
        }

        @Override
        public int size() {
            return keysAndValues.length >> 1;
        }
    }

    /** Iterates the entries in canonical order; {@code remove} and {@code setValue} are unsupported. */
    private static final class Entries implements Iterator<Map.Entry<String, JsonNode>> {

        private final Object[] slots;
        private int next;

        Entries(Object[] slots) {
            this.slots = slots;
        }

        @Override
        public boolean hasNext() {
            return next < slots.length;
        }

        @Override
        public Map.Entry<String, JsonNode> next() {
            if (next >= slots.length) {
                throw new NoSuchElementException();
            }
            var entry = new SimpleImmutableEntry<>((String) slots[next], (JsonNode) slots[next + 1]);
            next += 2;
            return entry;
        }

        @Override
        public void remove() {
            throw frozen();
        }
    }
}
