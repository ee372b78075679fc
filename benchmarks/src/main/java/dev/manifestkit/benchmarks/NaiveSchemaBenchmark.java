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

import tools.jackson.databind.JsonNode;

/**
 * The naive baseline: the schema compiled again for every object. Only at scales 1 and 10, since
 * it costs milliseconds per object and says nothing new at larger scales.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-XX:+UseSerialGC")
public class NaiveSchemaBenchmark {

    @Param({"1", "10"})
    public int scale;

    private BaselinePipeline baseline;
    private List<JsonNode> trees;

    @Setup
    public void setUp() {
        baseline = new BaselinePipeline();
        trees = baseline.toTrees(BaselineWorkload.build(scale));
    }

    /** networknt, a schema compiled per object. */
    @Benchmark
    public int baselineValidateCompilingEachTime() {
        return baseline.validateCompilingEachTime(trees);
    }
}
