package dev.manifestkit.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.core.Manifests;
import dev.manifestkit.core.yaml.ManifestReader;
import dev.manifestkit.validation.ValidationReport;
import dev.manifestkit.validation.Validator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import tools.jackson.databind.JsonNode;

/**
 * Single-thread steady-state cost of each stage of manifestkit and of the baseline pipeline, at
 * {@code scale} copies of the 16-object {@link Workload}. Scores are microseconds per operation
 * (one operation = the whole set); {@link FiguresTable} turns them into objects per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
// SerialGC, as the manifestkit launcher uses: both pipelines run in the same JVM either way
@Fork(value = 1, jvmArgsAppend = "-XX:+UseSerialGC")
public class PipelineBenchmark {

    @Param({"1", "10", "100", "1000"})
    public int scale;

    private Validator validator;
    private Validator schemaOnly;
    private ManifestReader reader;
    private Manifests manifests;
    private String yaml;

    private BaselinePipeline baseline;
    private List<HasMetadata> baselineObjects;
    private List<JsonNode> baselineTrees;

    @Setup
    public void setUp() {
        validator = Validator.forKubernetes("1.35");
        schemaOnly = Validator.builder().kubernetesVersion("1.35").rules(List.of()).build();
        reader = ManifestReader.create();
        manifests = Workload.build(scale);
        yaml = manifests.toYaml();
        requireValid(validator.validate(manifests));

        baseline = new BaselinePipeline();
        baselineObjects = BaselineWorkload.build(scale);
        baselineTrees = baseline.toTrees(baselineObjects);
        baseline.run(baselineObjects);
    }

    /** DSL builders to an immutable {@link Manifests} (trees snapshotted, namespaces set). */
    @Benchmark
    public Manifests dslBuild() {
        return Workload.build(scale);
    }

    /** {@link Manifests#toYaml()} of a set built before. */
    @Benchmark
    public String yamlWrite() {
        return manifests.toYaml();
    }

    /** {@link ManifestReader#read(String)} of that YAML: YAML 1.1 resolution, locations, limits. */
    @Benchmark
    public List<ManifestDocument> yamlRead() {
        return reader.read(yaml);
    }

    /** The schema layer alone (strict, official 1.35 definitions). */
    @Benchmark
    public ValidationReport schemaValidation() {
        return schemaOnly.validate(manifests);
    }

    /** All four layers: schema, API-server rules, cross-object references, best practice. */
    @Benchmark
    public ValidationReport fullValidation() {
        return validator.validate(manifests);
    }

    /** Build, validate with all four layers, write. */
    @Benchmark
    public String endToEnd() {
        return endToEnd(validator, scale);
    }

    /** The end-to-end operation, shared with {@link CpuTimeMain} and {@link WallTimeLoopMain}. */
    static String endToEnd(Validator validator, int scale) {
        var built = Workload.build(scale);
        requireValid(validator.validate(built));
        return built.toYaml();
    }

    /** Baseline: raw fabric8 builders. */
    @Benchmark
    public List<HasMetadata> baselineBuild() {
        return BaselineWorkload.build(scale);
    }

    /** Baseline: plain {@code JsonMapper.valueToTree}. */
    @Benchmark
    public List<JsonNode> baselineToTree() {
        return baseline.toTrees(baselineObjects);
    }

    /** Baseline: networknt against schemas compiled once. */
    @Benchmark
    public int baselineValidate() {
        return baseline.validate(baselineTrees);
    }

    /** Baseline: plain {@code YAMLMapper}. */
    @Benchmark
    public String baselineWrite() {
        return baseline.write(baselineTrees);
    }

    /** Baseline end to end: build, convert, validate, write. */
    @Benchmark
    public String baselineEndToEnd() {
        return baseline.run(BaselineWorkload.build(scale));
    }

    private static void requireValid(ValidationReport report) {
        if (report.hasErrors()) {
            throw new IllegalStateException("the workload does not validate: " + report.errors().get(0));
        }
    }
}
