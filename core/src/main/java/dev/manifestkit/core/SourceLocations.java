package dev.manifestkit.core;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * Where each value of a document was read, keyed by JSON pointer: an immutable map held as one
 * string of pointers and one array of positions.
 *
 * <p>Why not a map of strings to {@link SourceLocation}s: a document read from a file has a
 * location for every value, about twenty for a small Deployment, and as separate objects they made
 * up most of what a read document kept alive (three objects per value: the pointer, its bytes and
 * the location). Held this way a document's locations are a handful of objects, whatever their
 * number, so reading a large file in one go costs the collector far less.
 *
 * <p>Most documents are valid and never asked where a value was, so the map is only put in order
 * (sorted by pointer, for binary search) on its first lookup; {@link SourceLocation}s and entries
 * are made as they are asked for. Iteration is in pointer order.
 */
public final class SourceLocations extends AbstractMap<String, SourceLocation> {

    private static final SourceLocations EMPTY = new SourceLocations("", new int[0], new int[0]);

    /** The pointers, one after another, in the order they were given. */
    private final String pointers;
    /** Where pointer {@code i} ends in {@link #pointers}; it starts where pointer {@code i - 1} ends. */
    private final int[] ends;
    /** Line and column of pointer {@code i} at {@code 2i} and {@code 2i + 1}. */
    private final int[] positions;
    /**
     * The entries in pointer order, without repeats (the first given of equal pointers stays):
     * made on first use. Volatile, so a thread sees the array complete; two threads may both
     * make it, to the same content.
     */
    private volatile int[] order;

    private SourceLocations(String pointers, int[] ends, int[] positions) {
        this.pointers = pointers;
        this.ends = ends;
        this.positions = positions;
    }

    /** The locations of a map, or the map itself when it is a {@code SourceLocations} already. */
    public static SourceLocations copyOf(Map<String, SourceLocation> locations) {
        if (locations instanceof SourceLocations compact) {
            return compact;
        }
        return ofEntries(new ArrayList<>(locations.entrySet()));
    }

    /**
     * The locations of a list of entries; where a pointer appears more than once, its first entry
     * counts.
     *
     * @throws NullPointerException for a null pointer or location
     */
    public static SourceLocations ofEntries(List<? extends Map.Entry<String, SourceLocation>> entries) {
        var builder = new Builder();
        for (Map.Entry<String, SourceLocation> entry : entries) {
            SourceLocation location = Objects.requireNonNull(entry.getValue(), "location");
            builder.add(entry.getKey(), location.line(), location.column());
        }
        return builder.build();
    }

    /**
     * Collects locations straight into the compact form, as a reader finds them: a list of entries
     * would cost three objects per value until the document is read, which for a document of
     * millions of small values is most of the memory its reading needs.
     */
    public static final class Builder {

        private final StringBuilder pointers = new StringBuilder(256);
        private int[] ends = new int[16];
        private int[] positions = new int[32];
        private int size;

        /**
         * Adds where the value at a pointer was read; where a pointer is added more than once,
         * the first counts.
         *
         * @throws NullPointerException for a null pointer
         */
        public Builder add(String pointer, int line, int column) {
            pointers.append(Objects.requireNonNull(pointer, "pointer"));
            if (size == ends.length) {
                ends = Arrays.copyOf(ends, size * 2);
                positions = Arrays.copyOf(positions, size * 4);
            }
            ends[size] = pointers.length();
            positions[2 * size] = line;
            positions[2 * size + 1] = column;
            size++;
            return this;
        }

        /** The locations added so far. */
        public SourceLocations build() {
            return size == 0 ? EMPTY : new SourceLocations(pointers.toString(), Arrays.copyOf(ends, size),
                    Arrays.copyOf(positions, 2 * size));
        }
    }

    @Override
    public int size() {
        return order().length;
    }

    @Override
    public boolean isEmpty() {
        return ends.length == 0;
    }

    @Override
    public SourceLocation get(Object key) {
        int i = key instanceof String pointer ? find(pointer) : -1;
        return i < 0 ? null : location(i);
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String pointer && find(pointer) >= 0;
    }

    /** The entry of a pointer, or -1. */
    private int find(String pointer) {
        int[] sorted = order();
        int low = 0;
        int high = sorted.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int comparison = compare(sorted[middle], pointer);
            if (comparison < 0) {
                low = middle + 1;
            } else if (comparison > 0) {
                high = middle - 1;
            } else {
                return sorted[middle];
            }
        }
        return -1;
    }

    private int[] order() {
        int[] sorted = order;
        if (sorted == null) {
            sorted = sort();
            order = sorted;
        }
        return sorted;
    }

    private int[] sort() {
        var indices = new int[ends.length];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = i;
        }
        // stable, so of equal pointers the first given stays first; on ints, as boxed ones cost 20 bytes a value
        mergeSort(indices, new int[indices.length], 0, indices.length);
        int count = 0;
        for (int index : indices) {
            if (count == 0 || compare(indices[count - 1], index) != 0) {
                indices[count++] = index;
            }
        }
        return Arrays.copyOf(indices, count);
    }

    /** Sorts {@code a[from..to)} by pointer, stably; {@code scratch} is as long as {@code a}. */
    private void mergeSort(int[] a, int[] scratch, int from, int to) {
        if (to - from < 2) {
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(a, scratch, from, middle);
        mergeSort(a, scratch, middle, to);
        if (compare(a[middle - 1], a[middle]) <= 0) {
            return; // already in order, as most of a document's pointers are
        }
        System.arraycopy(a, from, scratch, from, to - from);
        int left = from;
        int right = middle;
        for (int k = from; k < to; k++) {
            a[k] = right >= to || left < middle && compare(scratch[left], scratch[right]) <= 0
                    ? scratch[left++] : scratch[right++];
        }
    }

    /** Pointer {@code i} compared with {@code other}, as {@link String#compareTo} would. */
    private int compare(int i, String other) {
        int start = start(i);
        int length = ends[i] - start;
        int common = Math.min(length, other.length());
        for (int k = 0; k < common; k++) {
            int difference = pointers.charAt(start + k) - other.charAt(k);
            if (difference != 0) {
                return difference;
            }
        }
        return length - other.length();
    }

    /** Pointer {@code i} compared with pointer {@code j}, as {@link String#compareTo} would. */
    private int compare(int i, int j) {
        int start = start(i);
        int otherStart = start(j);
        int length = ends[i] - start;
        int otherLength = ends[j] - otherStart;
        int common = Math.min(length, otherLength);
        for (int k = 0; k < common; k++) {
            int difference = pointers.charAt(start + k) - pointers.charAt(otherStart + k);
            if (difference != 0) {
                return difference;
            }
        }
        return length - otherLength;
    }

    private int start(int i) {
        return i == 0 ? 0 : ends[i - 1];
    }

    private String pointer(int i) {
        return pointers.substring(start(i), ends[i]);
    }

    private SourceLocation location(int i) {
        return new SourceLocation(positions[2 * i], positions[2 * i + 1]);
    }

    @Override
    public Set<Map.Entry<String, SourceLocation>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, SourceLocation>> iterator() {
                int[] sorted = order();
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < sorted.length;
                    }

                    @Override
                    public Map.Entry<String, SourceLocation> next() {
                        if (next >= sorted.length) {
                            throw new NoSuchElementException();
                        }
                        int i = sorted[next++];
                        return new SimpleImmutableEntry<>(pointer(i), location(i));
                    }
                };
            }

            @Override
            public int size() {
                return SourceLocations.this.size();
            }
        };
    }
}
