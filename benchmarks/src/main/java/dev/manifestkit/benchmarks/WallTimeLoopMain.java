package dev.manifestkit.benchmarks;

import java.util.Locale;
import java.util.function.IntSupplier;

import dev.manifestkit.core.yaml.ManifestReader;
import dev.manifestkit.validation.Validator;

/**
 * One stage in a loop, timed in wall clock with the collectors' part: for trying JVM flags
 * against the linear-cost target (JMH's fork settings fix them) and for stages whose cost is
 * mostly the collector's. Warms up at scale 10 for 8 s, then prints three rounds.
 *
 * <pre>{@code
 * java -XX:+UseSerialGC [flags] -cp benchmarks/target/benchmarks.jar dev.manifestkit.benchmarks.WallTimeLoopMain end-to-end 1000 4
 * java -XX:+UseSerialGC -cp benchmarks/target/benchmarks.jar dev.manifestkit.benchmarks.WallTimeLoopMain read 1000 4
 * }</pre>
 *
 * <p>{@code end-to-end} is build, validate with every layer, write; {@code read} is
 * {@link ManifestReader#read(String)} of the set's YAML, all documents at once.
 */
public final class WallTimeLoopMain {

    private static volatile int sink;

    private WallTimeLoopMain() {
    }

    /** {@code WallTimeLoopMain <end-to-end|read> <scale> <seconds per round>}. */
    public static void main(String[] args) {
        if (args.length != 3 || !(args[0].equals("end-to-end") || args[0].equals("read"))) {
            System.err.println("usage: WallTimeLoopMain <end-to-end|read> <scale> <seconds per round>");
            System.exit(2);
        }
        int scale = Integer.parseInt(args[1]);
        long roundNanos = Long.parseLong(args[2]) * 1_000_000_000L;
        IntSupplier warmUp = operation(args[0], 10);
        IntSupplier measured = operation(args[0], scale);
        long warmEnd = System.nanoTime() + 8_000_000_000L;
        while (System.nanoTime() < warmEnd) {
            sink += warmUp.getAsInt();
        }
        double objects = scale * (double) Workload.OBJECTS_PER_COPY;
        for (int round = 0; round < 3; round++) {
            long collected = CpuTimeMain.collectionMillis();
            long start = System.nanoTime();
            int operations = 0;
            while (System.nanoTime() - start < roundNanos) {
                sink += measured.getAsInt();
                operations++;
            }
            double wallMicros = (System.nanoTime() - start) / 1e3 / operations / objects;
            double collectorMicros = (CpuTimeMain.collectionMillis() - collected) * 1e3 / operations / objects;
            System.out.printf(Locale.ROOT, "%s, scale %d: %.2f µs per object in wall time, of which the collectors %.2f%n",
                    args[0], scale, wallMicros, collectorMicros);
        }
    }

    private static IntSupplier operation(String stage, int scale) {
        if (stage.equals("read")) {
            var reader = ManifestReader.create();
            String yaml = Workload.build(scale).toYaml();
            return () -> reader.read(yaml).size();
        }
        var validator = Validator.forKubernetes("1.35");
        return () -> PipelineBenchmark.endToEnd(validator, scale).length();
    }
}
