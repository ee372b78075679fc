package dev.manifestkit.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import dev.manifestkit.core.Manifests;
import dev.manifestkit.core.tree.Trees;
import dev.manifestkit.core.yaml.ManifestReader;
import dev.manifestkit.validation.Validator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import tools.jackson.databind.JsonNode;

/**
 * The same stages as {@link PipelineBenchmark}, timed in <em>thread CPU time</em> rather than wall
 * time, with bytes allocated per operation from the JVM's per-thread counter. On a shared machine
 * (other builds running, load far above the core count) wall-clock scores mostly measure the
 * scheduler; CPU time of the benchmark thread does not. Stages are interleaved round by round, so
 * manifestkit and the baseline see the same conditions.
 *
 * <pre>{@code
 * java -XX:+UseSerialGC -cp benchmarks/target/benchmarks.jar dev.manifestkit.benchmarks.CpuTimeMain [rounds] [scale…]
 * }</pre>
 *
 * <p>Thread CPU time leaves out the collector's own threads, so compare runs with the same
 * collector; the figures in the README use SerialGC, the collector of the {@code manifestkit}
 * launcher, with G1's alongside. Each stage's mean wall time per operation, collector pauses
 * included, and the collectors' share of it are printed as well.
 */
public final class CpuTimeMain {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    /** Each measured sample runs the operation until this much CPU time has been spent. */
    private static final long MIN_SAMPLE_NANOS = 50_000_000L;

    private static volatile int sink;

    private CpuTimeMain() {
    }

    private record Stage(String name, Supplier<Object> operation) {
    }

    /** One sample: CPU and wall time per operation, the collectors' share of the wall time, bytes per operation. */
    private record Sample(double cpuMicros, double wallMicros, double gcShare, double bytes) {
    }

    /** {@code CpuTimeMain [rounds] [scale…]}; defaults: 9 rounds at scales 1, 10, 100, 1000. */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        int[] scales = args.length > 1
                ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {1, 10, 100, 1000};
        System.out.printf(Locale.ROOT, "Java %s, %s, %d CPUs, max heap %d MB, %d rounds%n%n",
                Runtime.version(), ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(java.lang.management.GarbageCollectorMXBean::getName).toList(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, rounds);
        warmUp();
        var objectsPerSecond = new LinkedHashMap<String, Double>();
        System.out.println("| stage | scale | median CPU µs/op | min–max (error) | objects/CPU-s | B/object "
                + "| mean wall µs/op | GC % of wall (mean) |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (int scale : scales) {
            var stages = stages(scale);
            Map<String, List<Sample>> samples = new LinkedHashMap<>();
            for (int round = -2; round < rounds; round++) { // two warm-up rounds at this scale
                for (Stage stage : stages) {
                    var sample = sample(stage.operation());
                    if (round >= 0) {
                        samples.computeIfAbsent(stage.name(), k -> new ArrayList<>()).add(sample);
                    }
                }
            }
            double objects = scale * (double) Workload.OBJECTS_PER_COPY;
            samples.forEach((name, list) -> {
                double[] cpu = list.stream().mapToDouble(Sample::cpuMicros).sorted().toArray();
                double median = cpu[cpu.length / 2];
                double bytes = list.stream().mapToDouble(Sample::bytes).sorted().toArray()[cpu.length / 2];
                // wall time is averaged, not a median: collections come every few operations, and a
                // median of samples would leave them out whenever fewer than half the samples hold one
                double wall = list.stream().mapToDouble(Sample::wallMicros).average().orElseThrow();
                double gc = list.stream().mapToDouble(Sample::gcShare).average().orElseThrow();
                double perSecond = objects / (median / 1e6);
                objectsPerSecond.put(name + "@" + scale, perSecond);
                objectsPerSecond.put(name + "@" + scale + "/wall", objects / (wall / 1e6));
                System.out.printf(Locale.ROOT, "| %s | %d | %,.1f | %,.1f–%,.1f | %,.0f | %,.0f | %,.1f | %.0f |%n", name,
                        scale, median, cpu[0], cpu[cpu.length - 1], perSecond, bytes / objects, wall, 100 * gc);
            });
        }
        System.out.println();
        for (int scale : scales) {
            ratio(objectsPerSecond, "endToEnd@" + scale, "baselineEndToEnd@" + scale,
                    "end to end / baseline end to end, scale " + scale + " (target >= 1.5)");
        }
        for (String stage : new String[] {"endToEnd", "dslBuild", "yamlWrite", "yamlRead", "schemaValidation",
                "fullValidation", "baselineEndToEnd"}) {
            ratio(objectsPerSecond, stage + "@1000", stage + "@10",
                    stage + " objects/s, scale 1000 / scale 10 (target >= 0.85)");
        }
        for (String stage : new String[] {"endToEnd", "baselineEndToEnd"}) {
            ratio(objectsPerSecond, stage + "@1000/wall", stage + "@10/wall",
                    stage + " objects/s in wall time, collector included, scale 1000 / scale 10");
        }
    }

    /** Every stage at scale 10 until the JIT has settled (about 2 s of CPU each), before any figure is taken. */
    private static void warmUp() {
        for (Stage stage : stages(10)) {
            for (int i = 0; i < 40; i++) {
                sample(stage.operation());
            }
        }
    }

    private static void ratio(Map<String, Double> figures, String numerator, String denominator, String what) {
        if (figures.containsKey(numerator) && figures.containsKey(denominator)) {
            System.out.printf(Locale.ROOT, "- %s: %.2f%n", what, figures.get(numerator) / figures.get(denominator));
        }
    }

    private static Sample sample(Supplier<Object> operation) {
        long thread = Thread.currentThread().getId();
        long gcStart = collectionMillis();
        long wallStart = System.nanoTime();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long bytesStart = THREADS.getThreadAllocatedBytes(thread);
        int operations = 0;
        long spent;
        do {
            sink += System.identityHashCode(operation.get());
            operations++;
            spent = THREADS.getCurrentThreadCpuTime() - cpuStart;
        } while (spent < MIN_SAMPLE_NANOS);
        long bytes = THREADS.getThreadAllocatedBytes(thread) - bytesStart;
        long wall = System.nanoTime() - wallStart;
        double gcShare = Math.min(1, (collectionMillis() - gcStart) * 1e6 / wall);
        return new Sample(spent / 1e3 / operations, wall / 1e3 / operations, gcShare, (double) bytes / operations);
    }

    /** Milliseconds all collectors have spent so far. */
    static long collectionMillis() {
        long total = 0;
        for (var collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, collector.getCollectionTime());
        }
        return total;
    }

    private static List<Stage> stages(int scale) {
        var validator = Validator.forKubernetes("1.35");
        var schemaOnly = Validator.builder().kubernetesVersion("1.35").rules(List.of()).build();
        var reader = ManifestReader.create();
        Manifests manifests = Workload.build(scale);
        String yaml = manifests.toYaml();
        var baseline = new BaselinePipeline();
        List<HasMetadata> objects = BaselineWorkload.build(scale);
        List<JsonNode> trees = baseline.toTrees(objects);
        return List.of(
                new Stage("dslBuild", () -> Workload.build(scale)),
                new Stage("yamlWrite", manifests::toYaml),
                new Stage("jsonWrite", manifests::toJson), // a streaming generator's cost, for comparison
                new Stage("yamlRead", () -> reader.read(yaml)),
                new Stage("schemaValidation", () -> schemaOnly.validate(manifests)),
                new Stage("fullValidation", () -> validator.validate(manifests)),
                new Stage("endToEnd", () -> PipelineBenchmark.endToEnd(validator, scale)),
                new Stage("treesToTree", () -> objects.stream().map(Trees::toTree).toList()),
                new Stage("baselineBuild", () -> BaselineWorkload.build(scale)),
                new Stage("baselineToTree", () -> baseline.toTrees(objects)),
                new Stage("baselineValidate", () -> baseline.validate(trees)),
                new Stage("baselineWrite", () -> baseline.write(trees)),
                new Stage("baselineEndToEnd", () -> baseline.run(BaselineWorkload.build(scale))));
    }
}
