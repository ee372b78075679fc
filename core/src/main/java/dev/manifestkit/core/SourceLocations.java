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
        if (entries.isEmpty()) {
            return EMPTY;
        }
        var text = new StringBuilder(entries.size() * 24);
        var ends = new int[entries.size()];
        var positions = new int[entries.size() * 2];
        int i = 0;
        for (Map.Entry<String, SourceLocation> entry : entries) {
            text.append(Objects.requireNonNull(entry.getKey(), "pointer"));
            SourceLocation location = Objects.requireNonNull(entry.getValue(), "location");
            ends[i] = text.length();
            positions[2 * i] = location.line();
            positions[2 * i + 1] = location.column();
            i++;
        }
        return new SourceLocations(text.toString(), ends, positions);
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
        var indices = new Integer[ends.length];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = i;
        }
        // stable, so of equal pointers the first given stays first
        Arrays.sort(indices, (a, b) -> compare(a, b));
        var sorted = new int[indices.length];
        int count = 0;
        for (Integer index : indices) {
            if (count == 0 || compare(sorted[count - 1], index) != 0) {
                sorted[count++] = index;
            }
        }
        return Arrays.copyOf(sorted, count);
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
