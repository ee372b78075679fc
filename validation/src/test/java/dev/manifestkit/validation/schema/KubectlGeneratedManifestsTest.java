package dev.manifestkit.validation.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.validation.Problem;
import dev.manifestkit.validation.TestDocs;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * What {@code kubectl create … --dry-run=client -o yaml} writes is valid by definition, including
 * its {@code creationTimestamp: null}, {@code strategy: {}} and {@code status: {}}: zero
 * schema problems. Skipped where kubectl is not installed.
 */
class KubectlGeneratedManifestsTest {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    @BeforeAll
    static void requireKubectl() {
        Assumptions.assumeTrue(run(List.of("kubectl", "version", "--client")) != null, "kubectl is not installed");
    }

    static Stream<List<String>> commands() {
        return Stream.of(
                List.of("create", "deployment", "web", "--image=nginx:1.27", "--replicas=2", "--port=80"),
                List.of("create", "service", "clusterip", "web", "--tcp=80:8080"),
                List.of("create", "service", "nodeport", "web", "--tcp=80:8080", "--node-port=31515"),
                List.of("create", "service", "loadbalancer", "web", "--tcp=443:8443"),
                List.of("create", "service", "externalname", "legacy", "--external-name=db.example.com"),
                List.of("create", "ingress", "web", "--class=nginx", "--rule=example.com/api*=api:80",
                        "--rule=example.com/=web:80"),
                List.of("create", "secret", "generic", "pg", "--from-literal=PGPASSWORD=secret"),
                List.of("create", "secret", "docker-registry", "regcred", "--docker-server=registry.example.com",
                        "--docker-username=u", "--docker-password=p"),
                List.of("create", "configmap", "settings", "--from-literal=LOG_LEVEL=info"),
                List.of("create", "namespace", "fib"),
                List.of("create", "serviceaccount", "app"),
                List.of("create", "job", "once", "--image=busybox:1.36"),
                List.of("create", "cronjob", "nightly", "--image=busybox:1.36", "--schedule=0 3 * * *"));
    }

    @ParameterizedTest(name = "kubectl {0}")
    @MethodSource("commands")
    void kubectlOutputHasNoSchemaProblems(List<String> arguments) {
        var command = new ArrayList<String>(List.of("kubectl"));
        command.addAll(arguments);
        command.addAll(List.of("--dry-run=client", "-o", "yaml"));
        var yaml = run(command);
        assertThat(yaml).as("output of %s", command).isNotNull();
        var document = ManifestDocument.inMemory((ObjectNode) YAML.readTree(yaml), 0);
        for (var version : List.of("1.33", "1.35", "1.36")) {
            assertThat(TestDocs.schemaOnly(version, true).validate(List.of(document)).problems())
                    .as("Kubernetes %s: %s", version, yaml).extracting(Problem::toString).isEmpty();
        }
    }

    private static String run(List<String> command) {
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return null;
            }
            return output;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
