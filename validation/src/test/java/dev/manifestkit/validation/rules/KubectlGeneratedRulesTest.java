package dev.manifestkit.validation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.manifestkit.core.yaml.Kubectl;
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
        Kubectl.assumeAvailable();
    }

    @ParameterizedTest(name = "kubectl create {0}")
    @MethodSource("dev.manifestkit.validation.KubectlCreateCommands#all")
    void kubectlOutputPassesEveryApiRule(List<String> arguments) throws IOException {
        var yaml = Kubectl.create(arguments.toArray(String[]::new));
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
}
