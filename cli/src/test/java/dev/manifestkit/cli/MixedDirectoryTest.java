package dev.manifestkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.json.JsonMapper;

/** {@code manifestkit validate} over a directory of valid and invalid files, in each report format. */
class MixedDirectoryTest {

    @TempDir
    Path dir;

    static final String NAMESPACE = """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: shop
            """;

    static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: shop
            spec:
              replicas: %s
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                  - name: web
                    image: nginx:1.27
            """;

    @BeforeEach
    void files() throws IOException {
        Files.writeString(dir.resolve("namespace.yaml"), NAMESPACE);
        Files.createDirectories(dir.resolve("apps"));
        Files.writeString(dir.resolve("apps/web.yaml"), DEPLOYMENT.formatted("two"));
        Files.writeString(dir.resolve("apps/notes.txt"), "not a manifest: [");
    }

    @Test
    void textReportsEachErrorOnOneLineWithFileLineAndColumnAndExitsOne() {
        var run = Run.of("validate", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).containsPattern(java.util.regex.Pattern.quote(dir.resolve("apps/web.yaml").toString())
                + ":7:\\d+: .*Deployment/shop/web: spec\\.replicas: .*\\[schema");
        assertThat(run.out().lines().reduce((a, b) -> b).orElseThrow()).contains("2 resources");
    }

    @Test
    void jsonHasEveryResourceAndASummary() {
        var run = Run.of("validate", "-o", "json", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        var json = JsonMapper.shared().readTree(run.out());
        var resources = json.get("resources");
        assertThat(resources).hasSize(2);
        var web = resources.get(0);
        assertThat(web.get("file").asString()).isEqualTo(dir.resolve("apps/web.yaml").toString());
        assertThat(web.get("document").asInt()).isZero();
        assertThat(web.get("kind").asString()).isEqualTo("Deployment");
        assertThat(web.get("namespace").asString()).isEqualTo("shop");
        assertThat(web.get("name").asString()).isEqualTo("web");
        assertThat(web.get("valid").asBoolean()).isFalse();
        var problem = web.get("problems").get(0);
        assertThat(problem.get("severity").asString()).isEqualTo("error");
        assertThat(problem.get("rule").asString()).startsWith("schema");
        assertThat(problem.get("path").asString()).isEqualTo("spec.replicas");
        assertThat(problem.get("message").asString()).isNotBlank();
        var namespace = resources.get(1);
        assertThat(namespace.get("kind").asString()).isEqualTo("Namespace");
        assertThat(namespace.get("valid").asBoolean()).isTrue();
        var summary = json.get("summary");
        assertThat(summary.get("resources").asInt()).isEqualTo(2);
        assertThat(summary.get("valid").asInt()).isEqualTo(1);
        assertThat(summary.get("invalid").asInt()).isEqualTo(1);
        assertThat(summary.get("errors").asInt()).isPositive();
        assertThat(summary.has("warnings")).isTrue();
    }

    @Test
    void junitValidatesAgainstTheSchemaAndMarksTheInvalidResource() throws Exception {
        var run = Run.of("validate", "-o", "junit", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        Xml.assertValidJunit(run.out(), dir);
        assertThat(run.out()).contains("<testcase name=\"Deployment/shop/web\"").contains("<failure")
                .contains("<testcase name=\"Namespace/shop\"");
    }

    @Test
    void aDirectoryWithNoErrorsExitsZeroInEveryFormat() throws IOException {
        Files.writeString(dir.resolve("apps/web.yaml"), DEPLOYMENT.formatted("2"));

        for (var format : new String[] {"text", "json", "junit"}) {
            var run = Run.of("validate", "-o", format, dir.toString());
            assertThat(run.exitCode()).as("%s: %s", format, run.out()).isZero();
        }
    }
}
