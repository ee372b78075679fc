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
 * string of sorted pointers and one array of positions.
 *
 * <p>Why not a map of strings to {@link SourceLocation}s: a document read from a file has a
 * location for every value, about twenty for a small Deployment, and as separate objects they made
 * up most of what a read document kept alive (three objects per value: the pointer, its bytes and
 * the location). Held this way a document's locations are four objects, whatever their number,
 * so reading a large file in one go costs the collector far less. Lookups are a binary search;
 * {@link SourceLocation}s and entries are made as they are asked for.
 */
public final class SourceLocations extends AbstractMap<String, SourceLocation> {

    private static final SourceLocations EMPTY = new SourceLocations("", new int[0], new int[0]);

    /** The pointers in {@link String#compareTo} order, one after another. */
    private final String pointers;
    /** Where pointer {@code i} ends in {@link #pointers}; it starts where pointer {@code i - 1} ends. */
    private final int[] ends;
    /** Line and column of pointer {@code i} at {@code 2i} and {@code 2i + 1}. */
    private final int[] positions;

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
        var sorted = new ArrayList<Map.Entry<String, SourceLocation>>(entries.size());
        for (Map.Entry<String, SourceLocation> entry : entries) {
            Objects.requireNonNull(entry.getKey(), "pointer");
            Objects.requireNonNull(entry.getValue(), "location");
            sorted.add(entry);
        }
        sorted.sort(Map.Entry.comparingByKey()); // stable: the first of equal pointers stays first
        var text = new StringBuilder(sorted.size() * 24);
        var ends = new int[sorted.size()];
        var positions = new int[sorted.size() * 2];
        int count = 0;
        String previous = null;
        for (Map.Entry<String, SourceLocation> entry : sorted) {
            if (entry.getKey().equals(previous)) {
                continue;
            }
            previous = entry.getKey();
            text.append(previous);
            ends[count] = text.length();
            positions[2 * count] = entry.getValue().line();
            positions[2 * count + 1] = entry.getValue().column();
            count++;
        }
        return new SourceLocations(text.toString(), Arrays.copyOf(ends, count),
                Arrays.copyOf(positions, 2 * count));
    }

    @Override
    public int size() {
        return ends.length;
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

    private int find(String pointer) {
        int low = 0;
        int high = ends.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = compare(middle, pointer);
            if (order < 0) {
                low = middle + 1;
            } else if (order > 0) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -1;
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
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < ends.length;
                    }

                    @Override
                    public Map.Entry<String, SourceLocation> next() {
                        if (next >= ends.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(pointer(i), location(i));
                    }
                };
            }

            @Override
            public int size() {
                return ends.length;
            }
        };
    }
}
