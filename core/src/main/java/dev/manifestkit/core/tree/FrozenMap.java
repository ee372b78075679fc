package dev.manifestkit.core.tree;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

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
 * <p>Maps of one or two entries, seven in ten of a typical object's maps ({@code labels},
 * {@code selector}, {@code resources}), hold them in fields instead of an array: one object less
 * each, and every object a large set keeps alive is one more for the collector to copy.
 *
 * <p>Being immutable also makes the promise of {@code Manifests.documents()} true: its trees are
 * shared between sets, and a mutating call on them throws {@link UnsupportedOperationException}.
 */
final class FrozenMap extends AbstractMap<String, JsonNode> {

    /** Above this many keys, lookups go through a hash index rather than a scan. */
    private static final int INDEXED = 12;

    /** Up to this many entries live in fields ({@link #key0} …) rather than an array. */
    private static final int INLINE = 2;

    /** Alternating keys and values for maps of more than {@value #INLINE} entries; null otherwise. */
    private final Object[] keysAndValues;
    /** Key to value, only for maps with more than {@value #INDEXED} keys; null otherwise. */
    private final Map<String, JsonNode> index;
    /** The entries of a map of at most {@value #INLINE}; null where absent. */
    private final String key0;
    private final String key1;
    private final JsonNode value0;
    private final JsonNode value1;

    /**
     * @param keysAndValues alternating non-null keys and values, distinct keys, owned from now on
     *                      by this map (the caller must not keep or change the array)
     * @param length        how many slots of the array are used (twice the number of entries)
     */
    FrozenMap(Object[] keysAndValues, int length) {
        if (length <= 2 * INLINE) {
            this.keysAndValues = null;
            this.index = null;
            this.key0 = length > 0 ? (String) keysAndValues[0] : null;
            this.value0 = length > 0 ? (JsonNode) keysAndValues[1] : null;
            this.key1 = length > 2 ? (String) keysAndValues[2] : null;
            this.value1 = length > 2 ? (JsonNode) keysAndValues[3] : null;
            return;
        }
        Object[] slots = length == keysAndValues.length ? keysAndValues : Arrays.copyOf(keysAndValues, length);
        this.keysAndValues = slots;
        this.key0 = null;
        this.key1 = null;
        this.value0 = null;
        this.value1 = null;
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
        Object[] slots = keysAndValues;
        return slots != null ? slots.length >> 1 : key0 == null ? 0 : key1 == null ? 1 : 2;
    }

    @Override
    public boolean isEmpty() {
        return keysAndValues == null && key0 == null;
    }

    /** The key of entry {@code i} (in canonical order), {@code 0 <= i < size()}. */
    String keyAt(int i) {
        Object[] slots = keysAndValues;
        return slots != null ? (String) slots[2 * i] : i == 0 ? key0 : key1;
    }

    /** The value of entry {@code i}. */
    JsonNode valueAt(int i) {
        Object[] slots = keysAndValues;
        return slots != null ? (JsonNode) slots[2 * i + 1] : i == 0 ? value0 : value1;
    }

    @Override
    public JsonNode get(Object key) {
        Object[] slots = keysAndValues;
        if (slots == null) {
            String candidate = key0;
            if (candidate == null) {
                return null;
            }
            if (candidate == key || candidate.equals(key)) {
                return value0;
            }
            candidate = key1;
            return candidate != null && (candidate == key || candidate.equals(key)) ? value1 : null;
        }
        if (index != null) {
            return key == null ? null : index.get(key);
        }
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

    /** Visits the entries in canonical order without making an entry object for each. */
    @Override
    public void forEach(BiConsumer<? super String, ? super JsonNode> action) {
        Objects.requireNonNull(action, "action");
        int size = size();
        for (int i = 0; i < size; i++) {
            action.accept(keyAt(i), valueAt(i));
        }
    }

    /**
     * A new view per call, not one kept in a field: a kept view would be one more object per node
     * for the collector to copy, for as long as the tree lives. Iterating makes an entry per step;
     * {@link #forEach} and the key set do not.
     */
    @Override
    public Set<Map.Entry<String, JsonNode>> entrySet() {
        return new View<>(ENTRIES);
    }

    /** A new view per call, for the reason {@link #entrySet()} gives ({@code AbstractMap} keeps one). */
    @Override
    public Set<String> keySet() {
        return new View<>(KEYS) {
            @Override
            public boolean contains(Object key) {
                return containsKey(key);
            }
        };
    }

    /** A new view per call, for the reason {@link #entrySet()} gives ({@code AbstractMap} keeps one). */
    @Override
    public Collection<JsonNode> values() {
        return new AbstractCollection<>() {
            @Override
            public Iterator<JsonNode> iterator() {
                return new Cursor<>(VALUES);
            }

            @Override
            public int size() {
                return FrozenMap.this.size();
            }
        };
    }

    /** What a view shows of entry {@code i}: a stateless function, so views and cursors capture nothing more. */
    @FunctionalInterface
    private interface Element<T> {
        T of(FrozenMap map, int i);
    }

    private static final Element<Map.Entry<String, JsonNode>> ENTRIES =
            (map, i) -> new SimpleImmutableEntry<>(map.keyAt(i), map.valueAt(i));
    private static final Element<String> KEYS = FrozenMap::keyAt;
    private static final Element<JsonNode> VALUES = FrozenMap::valueAt;

    /** The entries in canonical order, each seen through {@code element}; {@code remove} is unsupported. */
    private final class Cursor<T> implements Iterator<T> {

        private final Element<T> element;
        private final int size = FrozenMap.this.size();
        private int next;

        Cursor(Element<T> element) {
            this.element = element;
        }

        @Override
        public boolean hasNext() {
            return next < size;
        }

        @Override
        public T next() {
            if (next >= size) {
                throw new NoSuchElementException();
            }
            return element.of(FrozenMap.this, next++);
        }

        @Override
        public void remove() {
            throw frozen();
        }
    }

    /** A read-only set view of the entries in canonical order, each seen through {@code element}. */
    private class View<T> extends AbstractSet<T> {

        private final Element<T> element;

        View(Element<T> element) {
            this.element = element;
        }

        @Override
        public Iterator<T> iterator() {
            return new Cursor<>(element);
        }

        @Override
        public int size() {
            return FrozenMap.this.size();
        }
    }
}
