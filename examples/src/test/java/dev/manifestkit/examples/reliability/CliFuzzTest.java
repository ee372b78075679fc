package dev.manifestkit.examples.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Assertions;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import dev.manifestkit.cli.Main;
import dev.manifestkit.examples.FibApp;
import dev.manifestkit.examples.FibApp.Variant;

/**
 * Random and mutated YAML on the command line's standard input, through its in-process entry
 * {@link Main#run}: every run ends within the time bound with exit code 0, 1 or 2 and never with
 * "internal error" (the catch-all for exceptions that escaped the commands). The reader's and the
 * validator's own fuzz tests (core, validation) cover their APIs in depth; this one covers the
 * wiring between them.
 *
 * <p>Tries per property: {@code jqwik.tries.default} (200 in {@code junit-platform.properties}).
 */
class CliFuzzTest {

    /**
     * The same inputs on every run, so CI is repeatable; a longer search runs more of them
     * ({@code -Djqwik.tries.default=20000}), a different one needs another seed here.
     */
    static final String RANDOM_SEED = "20261125";

    private static final Duration TIME_LIMIT = Duration.ofSeconds(20);
    private static final List<byte[]> SEEDS = List.of(
            FibApp.of(Variant.DEV).toYaml().getBytes(StandardCharsets.UTF_8),
            FibApp.of(Variant.PROD).toYaml().getBytes(StandardCharsets.UTF_8),
            FibApp.of(Variant.PROD).toJson().getBytes(StandardCharsets.UTF_8));
    private static final byte[] STRUCTURE = ":-[]{}&*!|>'\"%@#,? \n\t0123456789".getBytes(StandardCharsets.US_ASCII);

    @Provide
    Arbitrary<byte[]> inputs() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.of(SEEDS)),
                Tuple.of(6, Arbitraries.randomValue(CliFuzzTest::mutated)),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(1000)));
    }

    @Provide
    Arbitrary<List<String>> commands() {
        return Arbitraries.of(
                List.of("validate", "-"),
                List.of("validate", "-o", "json", "-"),
                List.of("validate", "-o", "junit", "--profile", "prod", "-"),
                List.of("validate", "--no-strict", "--skip-missing-schemas", "-"),
                List.of("fmt", "-"));
    }

    @Property(seed = RANDOM_SEED)
    void stdinEndsInAnExitCodeNeverInAnInternalError(@ForAll("commands") List<String> command,
                                                     @ForAll("inputs") byte[] input) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = Assertions.assertTimeoutPreemptively(TIME_LIMIT, () -> Main.run(command.toArray(String[]::new),
                new ByteArrayInputStream(input), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)));

        String errors = err.toString(StandardCharsets.UTF_8);
        assertThat(code).isIn(Main.EXIT_OK, Main.EXIT_INVALID, Main.EXIT_USAGE);
        assertThat(errors).doesNotContain("internal error").doesNotContain("\tat ");
        if (code == Main.EXIT_USAGE) {
            assertThat(errors).startsWith("manifestkit: ");
        }
    }

    private static byte[] mutated(Random random) {
        byte[] data = SEEDS.get(random.nextInt(SEEDS.size())).clone();
        int edits = random.nextInt(4) == 0 ? 2 + random.nextInt(6) : 1;
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(Math.max(1, data.length));
            switch (random.nextInt(4)) {
                case 0 -> data = Arrays.copyOf(data, at);
                case 1 -> {
                    if (data.length > 0) {
                        data[at] = STRUCTURE[random.nextInt(STRUCTURE.length)];
                    }
                }
                case 2 -> {
                    int length = Math.min(data.length - at, random.nextInt(32));
                    byte[] out = new byte[data.length + length];
                    System.arraycopy(data, 0, out, 0, at + length);
                    System.arraycopy(data, at, out, at + length, data.length - at);
                    data = out;
                }
                default -> {
                    if (data.length > 0) {
                        data[at] = (byte) random.nextInt(256);
                    }
                }
            }
        }
        return data;
    }
}
