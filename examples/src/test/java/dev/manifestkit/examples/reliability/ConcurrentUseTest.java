package dev.manifestkit.examples.reliability;

import static dev.manifestkit.dsl.K8s.clusterIpService;
import static dev.manifestkit.dsl.K8s.container;
import static dev.manifestkit.dsl.K8s.deployment;
import static dev.manifestkit.dsl.K8s.manifests;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.manifestkit.core.Manifests;
import dev.manifestkit.core.yaml.ManifestReader;
import dev.manifestkit.core.yaml.ManifestWriter;
import dev.manifestkit.examples.FibApp;
import dev.manifestkit.examples.FibApp.Variant;
import dev.manifestkit.validation.ValidationReport;
import dev.manifestkit.validation.Validator;
import dev.manifestkit.validation.report.ReportWriter;

/**
 * One validator, the writer and one reader shared by eight threads that start together: every
 * thread gets the same report, byte for byte in every format, and the same YAML. The validator is
 * fresh in each test, so its lazy schema loading races too.
 */
class ConcurrentUseTest {

    private static final int THREADS = 8;

    private ExecutorService pool;

    @BeforeEach
    void startPool() {
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    /** FibApp's dev variant plus objects that give errors and warnings, so reports have content. */
    private static Manifests appWithProblems() {
        var broken = deployment("broken-deployment")
                .container(container("app", "nginx:latest").port(80))
                .customize(b -> b.editSpec().withReplicas(-1).endSpec());
        var orphan = clusterIpService("orphan-service").port(8080)
                .customize(b -> b.editSpec().addToSelector("app", "nothing-has-this").endSpec());
        return FibApp.of(Variant.DEV).plus(manifests(broken, orphan)).namespace("fib");
    }

    /** What one thread produces: reports in every format of the built set and of its YAML read back. */
    private record Outcome(String text, String json, String junit, String yaml, String readBackJson) {
    }

    private static Outcome run(Validator validator, ManifestReader reader, Manifests manifests) {
        ValidationReport report = validator.validate(manifests);
        String yaml = ManifestWriter.toYaml(manifests.documents());
        ValidationReport readBack = validator.validate(reader.read(yaml, "app.yaml"));
        return new Outcome(render("text", report), render("json", report), render("junit", report), yaml,
                render("json", readBack));
    }

    private static String render(String format, ValidationReport report) {
        var out = new StringWriter();
        try {
            ReportWriter.forFormat(format).write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private List<Outcome> runTogether(Validator validator, ManifestReader reader, boolean buildInEachThread)
            throws Exception {
        var shared = appWithProblems();
        var barrier = new CyclicBarrier(THREADS);
        var futures = new ArrayList<Future<Outcome>>();
        for (int i = 0; i < THREADS; i++) {
            futures.add(pool.submit(() -> {
                var manifests = buildInEachThread ? appWithProblems() : shared;
                barrier.await(10, TimeUnit.SECONDS);
                return run(validator, reader, manifests);
            }));
        }
        var outcomes = new ArrayList<Outcome>();
        for (var future : futures) {
            outcomes.add(future.get(60, TimeUnit.SECONDS));
        }
        return outcomes;
    }

    @Test
    void eightThreadsSharingOneValidatorGetIdenticalReportsAndYaml() throws Exception {
        var outcomes = runTogether(Validator.forKubernetes("1.35"), ManifestReader.create(), true);

        var expected = run(Validator.forKubernetes("1.35"), ManifestReader.create(), appWithProblems());
        assertThat(outcomes).hasSize(THREADS).containsOnly(expected);
        assertThat(expected.text()).contains("broken-deployment").contains("orphan-service");
        assertThat(expected.json()).contains("\"severity\"");
    }

    @Test
    void eightThreadsValidatingOneSharedSetAgreeWithASingleThreadedRun() throws Exception {
        var validator = Validator.forKubernetes("1.35");
        var reader = ManifestReader.create();

        for (int round = 0; round < 3; round++) {
            var outcomes = runTogether(validator, reader, false);
            assertThat(outcomes).containsOnly(run(validator, reader, appWithProblems()));
        }
    }

    @Test
    void oneSessionFedFromEightThreadsGivesTheReportOfOneValidateCall() throws Exception {
        var validator = Validator.forKubernetes("1.35");
        var documents = appWithProblems().documents();
        var session = validator.session();
        var barrier = new CyclicBarrier(THREADS);
        var futures = new ArrayList<Future<?>>();
        for (int t = 0; t < THREADS; t++) {
            int first = t;
            futures.add(pool.submit(() -> {
                barrier.await(10, TimeUnit.SECONDS);
                for (int i = first; i < documents.size(); i += THREADS) {
                    session.add(documents.get(i));
                }
                return null;
            }));
        }
        for (var future : futures) {
            future.get(60, TimeUnit.SECONDS);
        }

        var streamed = session.finish();

        assertThat(streamed.problems()).extracting(p -> p.object() + " " + p.ruleId())
                .containsExactlyInAnyOrderElementsOf(validator.validate(documents).problems().stream()
                        .map(p -> p.object() + " " + p.ruleId()).toList());
    }
}
