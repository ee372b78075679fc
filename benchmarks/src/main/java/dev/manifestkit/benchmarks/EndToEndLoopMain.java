package dev.manifestkit.benchmarks;

import java.util.Locale;

import dev.manifestkit.validation.Validator;

/**
 * End to end (build, validate with every layer, write) in a loop, timed in wall clock with the
 * collectors' part: for trying JVM flags against the linear-cost target, which JMH's fork settings
 * fix. Warms up at scale 10 for 8 s, then prints three rounds.
 *
 * <pre>{@code
 * java -XX:+UseSerialGC [flags] -cp benchmarks/target/benchmarks.jar dev.manifestkit.benchmarks.EndToEndLoopMain 1000 4
 * }</pre>
 */
public final class EndToEndLoopMain {

    private static volatile int sink;

    private EndToEndLoopMain() {
    }

    /** {@code EndToEndLoopMain <scale> <seconds per round>}. */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: EndToEndLoopMain <scale> <seconds per round>");
            System.exit(2);
        }
        int scale = Integer.parseInt(args[0]);
        long roundNanos = Long.parseLong(args[1]) * 1_000_000_000L;
        var validator = Validator.forKubernetes("1.35");
        long warmEnd = System.nanoTime() + 8_000_000_000L;
        while (System.nanoTime() < warmEnd) {
            sink += PipelineBenchmark.endToEnd(validator, 10).length();
        }
        double objects = scale * (double) Workload.OBJECTS_PER_COPY;
        for (int round = 0; round < 3; round++) {
            long collected = CpuTimeMain.collectionMillis();
            long start = System.nanoTime();
            int operations = 0;
            while (System.nanoTime() - start < roundNanos) {
                sink += PipelineBenchmark.endToEnd(validator, scale).length();
                operations++;
            }
            double wallMicros = (System.nanoTime() - start) / 1e3 / operations / objects;
            double collectorMicros = (CpuTimeMain.collectionMillis() - collected) * 1e3 / operations / objects;
            System.out.printf(Locale.ROOT, "scale %d: %.2f µs per object in wall time, of which the collectors %.2f%n",
                    scale, wallMicros, collectorMicros);
        }
    }
}
