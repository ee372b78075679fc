package dev.manifestkit.validation.rules;

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

import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.Problem;
import dev.manifestkit.validation.Rule;

/**
 * What {@code kubectl create … --dry-run=client -o yaml} writes passes every API-server rule, on
 * every bundled version. Skipped where kubectl is not installed.
 */
class KubectlGeneratedRulesTest {

    @BeforeAll
    static void requireKubectl() {
        Assumptions.assumeTrue(kubectl(List.of("version", "--client")) != null, "kubectl is not installed");
    }

    static Stream<List<String>> commands() {
        return Stream.of(
                List.of("create", "deployment", "web", "--image=nginx:1.27", "--replicas=2", "--port=80"),
                List.of("create", "service", "clusterip", "web", "--tcp=80:8080", "--tcp=443:8443"),
                List.of("create", "service", "clusterip", "db", "--clusterip=None"),
                List.of("create", "service", "nodeport", "web", "--tcp=80:8080", "--node-port=31515"),
                List.of("create", "service", "loadbalancer", "web", "--tcp=443:8443"),
                List.of("create", "service", "externalname", "legacy", "--external-name=db.example.com"),
                List.of("create", "ingress", "web", "--class=nginx", "--rule=example.com/api*=api:80",
                        "--rule=example.com/=web:80", "--rule=*.example.com/=web:http"),
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
    void kubectlOutputPassesEveryApiRule(List<String> arguments) {
        var command = new ArrayList<>(arguments);
        command.addAll(List.of("--dry-run=client", "-o", "yaml"));
        var yaml = kubectl(command);
        assertThat(yaml).as("output of kubectl %s", command).isNotNull();
        for (var version : List.of("1.33", "1.35", "1.36")) {
            var problems = new ArrayList<Problem>();
            for (Rule rule : Rules.all()) {
                if (rule.layer() == Layer.API) {
                    problems.addAll(RuleHarness.run(rule).version(version).problems(yaml));
                }
            }
            assertThat(problems).as("Kubernetes %s: %s", version, yaml).extracting(Problem::toString).isEmpty();
        }
    }

    private static String kubectl(List<String> arguments) {
        var command = new ArrayList<>(List.of("kubectl"));
        command.addAll(arguments);
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
