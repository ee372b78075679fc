package dev.manifestkit.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.validation.report.JsonReport;

/** One validator shared by eight threads, from cold: every thread gets the same report. */
class ConcurrencyTest {

    private static List<ManifestDocument> documents() {
        var documents = new ArrayList<ManifestDocument>();
        for (int i = 0; i < 50; i++) {
            documents.add(TestDocs.doc("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web" + i + "'},"
                    + "'spec':{'replicas':" + (i % 3 == 0 ? "'2'" : "2") + ",'selector':{'matchLabels':{'app':'w'}},"
                    + "'template':{'metadata':{'labels':{'app':'w'}},'spec':{'containers':[{'name':'w','image':'w:1'"
                    + (i % 5 == 0 ? ",'imagePolicy':'x'" : "") + "}]}}}}", 4 * i));
            documents.add(TestDocs.doc("{'apiVersion':'v1','kind':'Service','metadata':{'name':'s" + i + "'},"
                    + "'spec':{'ports':[{'port':80,'targetPort':" + (i % 4 == 0 ? "true" : "8080") + "}]}}", 4 * i + 1));
            documents.add(TestDocs.doc("{'apiVersion':'networking.k8s.io/v1','kind':'Ingress','metadata':{'name':'i" + i
                    + "'},'spec':{'rules':[{'http':{'paths':[{'path':'/','backend':{}}]}}]}}", 4 * i + 2));
            documents.add(TestDocs.doc("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c" + i + "'},"
                    + "'data':{'k':" + (i % 2 == 0 ? "'v'" : "1") + "}}", 4 * i + 3));
        }
        return documents;
    }

    @Test
    void eightThreadsSharingOneColdValidatorGetIdenticalReports() throws Exception {
        // a schema location of its own gives this validator a cold cache, so compilation races too
        var definitions = Path.of(System.getProperty("manifestkit.schemas", "../../shared/kubernetes-schemas"),
                "v1.35.0", "_definitions.json");
        var validator = Validator.builder().schemaLocation(definitions).rules(List.of()).build();
        var documents = documents();
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(8);
        try {
            var tasks = new ArrayList<java.util.concurrent.Future<String>>();
            for (int t = 0; t < 8; t++) {
                Callable<String> task = () -> {
                    start.await();
                    var out = new StringWriter();
                    new JsonReport().write(validator.validate(documents), out);
                    return out.toString();
                };
                tasks.add(pool.submit(task));
            }
            start.countDown();
            var expected = tasks.get(0).get();
            for (var task : tasks) {
                assertThat(task.get()).isEqualTo(expected);
            }
            // 17 string replicas, 10 unknown fields, 13 boolean targetPorts, 50 missing pathTypes, 25 numeric values
            assertThat(expected).contains("\"errors\" : 115");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneSessionFedByEightThreadsReportsWhatBatchValidationReports() throws Exception {
        var validator = Validator.builder().rules(List.of(ValidationSessionTest.SELECTS_SOMETHING)).build();
        var documents = documents();
        var session = validator.session();
        var pool = Executors.newFixedThreadPool(8);
        try {
            var tasks = new ArrayList<java.util.concurrent.Future<?>>();
            for (int t = 0; t < 8; t++) {
                int first = t;
                tasks.add(pool.submit(() -> {
                    for (int i = first; i < documents.size(); i += 8) {
                        session.add(documents.get(i));
                    }
                }));
            }
            for (var task : tasks) {
                task.get();
            }
        } finally {
            pool.shutdownNow();
        }
        var streamed = new StringWriter();
        new JsonReport().write(session.finish(), streamed);
        var batch = new StringWriter();
        new JsonReport().write(validator.validate(documents), batch);
        assertThat(streamed.toString()).isEqualTo(batch.toString()).contains("test/service-selects");
    }
}
