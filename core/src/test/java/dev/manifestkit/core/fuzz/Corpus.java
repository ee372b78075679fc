package dev.manifestkit.core.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Shared with other modules' fuzz tests through core's test jar; each module's own
 * {@code src/test/resources/fuzz-corpus} comes first on its test class path, so it fuzzes with its
 * own seeds.
 *
 * <p>The seed corpus ({@code src/test/resources/fuzz-corpus}: real manifests and hostile inputs) and
 * the mutations made from it: byte-level edits biased towards YAML's structural characters.
 */
public final class Corpus {

    /** Characters that change YAML structure, with some that change nothing, to splice in. */
    private static final byte[] YAML_BYTES = ":-[]{}&*!|>'\"%@`#,?<=~ \n\t\r0123456789abcyYnN.\\".getBytes(StandardCharsets.US_ASCII);
    private static final String[] YAML_TOKENS = {"&a ", "*a", "<<: ", "!!binary ", "!!str ", "---\n", "...\n", "? ",
        "- ", ": ", "{", "}", "[", "]", "|\n", ">-\n", "\"\\u0000\"", "'", "%YAML 1.1\n", "\ufeff", "\u0000", "\n  ",
        "0x", "1e9999", ".inf", "~", "null", "yes", "- *a\n", "&a [*a]"};

    private static final List<byte[]> SEEDS = load();

    private Corpus() {
    }

    private static List<byte[]> load() {
        try {
            Path directory = Path.of(Corpus.class.getResource("/fuzz-corpus").toURI());
            try (Stream<Path> files = Files.list(directory)) {
                return files.sorted().map(Corpus::bytes).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The seed files' bytes. */
    public static List<byte[]> seedBytes() {
        return SEEDS;
    }

    /** Number of seed files. */
    public static int size() {
        return SEEDS.size();
    }

    /** The seeds as they are. */
    public static Arbitrary<byte[]> seeds() {
        return Arbitraries.of(SEEDS).map(byte[]::clone);
    }

    /** A seed with random edits: usually one, sometimes up to eight. */
    public static Arbitrary<byte[]> mutated() {
        return Arbitraries.randomValue(random -> mutate(SEEDS.get(random.nextInt(SEEDS.size())), random));
    }

    /** Inputs made from nothing: random bytes, random YAML-ish text, random Unicode. */
    public static Arbitrary<byte[]> random() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(2000),
                Arbitraries.bytes().filter(b -> true).array(byte[].class).ofMaxSize(400)
                        .map(bytes -> yamlish(bytes)),
                Arbitraries.strings().all().ofMaxLength(300).map(s -> s.getBytes(StandardCharsets.UTF_8)));
    }

    /** Seeds, mutated seeds and random inputs, mutated ones most often. */
    public static Arbitrary<byte[]> any() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, seeds()),
                net.jqwik.api.Tuple.of(6, mutated()),
                net.jqwik.api.Tuple.of(2, random()));
    }

    private static byte[] yamlish(byte[] noise) {
        var out = new byte[noise.length];
        for (int i = 0; i < noise.length; i++) {
            out[i] = YAML_BYTES[Math.floorMod(noise[i], YAML_BYTES.length)];
        }
        return out;
    }

    public static byte[] mutate(byte[] seed, Random random) {
        byte[] data = seed.clone();
        int edits = random.nextInt(4) == 0 ? 2 + random.nextInt(7) : 1; // mostly one edit: more get through the parser
        for (int i = 0; i < edits; i++) {
            int at = data.length == 0 ? 0 : random.nextInt(data.length);
            data = switch (random.nextInt(7)) {
                case 0 -> splice(data, at, Math.min(data.length - at, random.nextInt(16)), new byte[0]);
                case 1 -> splice(data, at, 0, new byte[] {YAML_BYTES[random.nextInt(YAML_BYTES.length)]});
                case 2 -> splice(data, at, 0, YAML_TOKENS[random.nextInt(YAML_TOKENS.length)]
                        .getBytes(StandardCharsets.UTF_8));
                case 3 -> { // duplicate a range, as a copy-paste slip does
                    int length = Math.min(data.length - at, random.nextInt(64));
                    yield splice(data, at, 0, Arrays.copyOfRange(data, at, at + length));
                }
                case 4 -> { // flip a byte
                    if (data.length > 0) {
                        data[at] = (byte) random.nextInt(256);
                    }
                    yield data;
                }
                case 5 -> Arrays.copyOf(data, at); // truncate
                default -> { // change indentation at a line start
                    int line = lineStart(data, at);
                    yield random.nextBoolean() ? splice(data, line, 0, new byte[] {' ', ' '})
                            : splice(data, line, Math.min(1, data.length - line), new byte[0]);
                }
            };
        }
        return data;
    }

    private static int lineStart(byte[] data, int at) {
        int i = Math.min(at, data.length);
        while (i > 0 && data[i - 1] != '\n') {
            i--;
        }
        return i;
    }

    private static byte[] splice(byte[] data, int at, int remove, byte[] insert) {
        byte[] out = new byte[data.length - remove + insert.length];
        System.arraycopy(data, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(data, at + remove, out, at + insert.length, data.length - at - remove);
        return out;
    }
}
