package dev.manifestkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class SourceLocationsTest {

    @Test
    void findsEveryPointerAndNothingElseWhateverTheOrderTheyCameIn() {
        var expected = new HashMap<String, SourceLocation>();
        var random = new Random(7);
        String[] parts = {"spec", "metadata", "containers", "0", "10", "name", "a~1b", "ünïcode", "😀", ""};
        while (expected.size() < 300) {
            var pointer = new StringBuilder();
            for (int depth = random.nextInt(5); depth >= 0; depth--) {
                pointer.append('/').append(parts[random.nextInt(parts.length)]);
            }
            expected.put(pointer.toString(), new SourceLocation(1 + random.nextInt(900), 1 + random.nextInt(80)));
        }
        var entries = new ArrayList<>(expected.entrySet());
        Collections.shuffle(entries, random);

        var locations = SourceLocations.ofEntries(entries);

        assertThat(locations).hasSize(expected.size()).isEqualTo(expected);
        assertThat(expected).isEqualTo(locations);
        assertThat(locations.hashCode()).isEqualTo(expected.hashCode());
        expected.forEach((pointer, location) -> assertThat(locations.get(pointer)).isEqualTo(location));
        for (String absent : List.of("", "/", "/spe", "/spec/", "/zzz", "/metadata/name/x", "/\uffff")) {
            if (!expected.containsKey(absent)) {
                assertThat(locations.get(absent)).as(absent).isNull();
                assertThat(locations.containsKey(absent)).isFalse();
            }
        }
        assertThat(locations.get(42)).isNull();
    }

    @Test
    void theFirstEntryOfARepeatedPointerCounts() {
        var locations = SourceLocations.ofEntries(List.of(
                new SimpleEntry<>("/kind", new SourceLocation(2, 1)),
                new SimpleEntry<>("/apiVersion", new SourceLocation(1, 1)),
                new SimpleEntry<>("/kind", new SourceLocation(9, 9))));

        assertThat(locations).containsExactly(Map.entry("/apiVersion", new SourceLocation(1, 1)),
                Map.entry("/kind", new SourceLocation(2, 1)));
    }

    @Test
    void isImmutableAndRefusesNulls() {
        var locations = SourceLocations.copyOf(Map.of("/kind", new SourceLocation(2, 1)));

        assertThatThrownBy(() -> locations.put("/x", new SourceLocation(1, 1)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(locations::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> locations.keySet().remove("/kind")).isInstanceOf(UnsupportedOperationException.class);
        var withNull = new HashMap<String, SourceLocation>();
        withNull.put("/kind", null);
        assertThatThrownBy(() -> SourceLocations.copyOf(withNull)).isInstanceOf(NullPointerException.class);
        assertThat(SourceLocations.copyOf(locations)).isSameAs(locations);
        assertThat(SourceLocations.copyOf(Map.of())).isEmpty();
    }

    @Test
    void threadsLookingUpAFreshMapAtOnceAllFindTheirLocation() throws Exception {
        var entries = new ArrayList<Map.Entry<String, SourceLocation>>();
        for (int i = 999; i >= 0; i--) {
            entries.add(new SimpleEntry<>("/data/key-" + i, new SourceLocation(i + 1, 3)));
        }
        for (int round = 0; round < 20; round++) {
            var locations = SourceLocations.ofEntries(entries);
            var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
            try {
                var tasks = new ArrayList<java.util.concurrent.Callable<SourceLocation>>();
                for (int t = 0; t < 8; t++) {
                    int key = t * 100 + round;
                    tasks.add(() -> locations.get("/data/key-" + key));
                }
                var results = pool.invokeAll(tasks);
                for (int t = 0; t < 8; t++) {
                    assertThat(results.get(t).get()).isEqualTo(new SourceLocation(t * 100 + round + 1, 3));
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
