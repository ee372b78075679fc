package dev.manifestkit.examples;

import static dev.manifestkit.testing.ManifestAssertions.assertThat;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import dev.manifestkit.validation.Validator;

/**
 * The DaemonSet, Jobs and CronJob the DSL builds pass the validator, with its API-server rules
 * for them (restart policy, update strategy, Job spec, cron schedule), on every Kubernetes version
 * it knows; the DSL module cannot run the validator itself, since it must not depend on it.
 */
class NodeAgentAndJobsTest {

    private final NodeAgentAndJobs example = new NodeAgentAndJobs();

    @ParameterizedTest
    @ValueSource(strings = {"1.33", "1.34", "1.35", "1.36"})
    void everyBuiltObjectPassesValidationWithoutErrors(String version) {
        var report = Validator.forKubernetes(version).validate(example.manifests());

        Assertions.assertThat(report.errors()).isEmpty();
    }

    @Test
    void aDaemonSetsHostPathAndAServiceSelectingItDrawNoWarning() {
        var report = Validator.forKubernetes("1.35").validate(example.manifests());

        Assertions.assertThat(report.warnings()).extracting(p -> p.ruleId())
                .doesNotContain("lint/host-path", "ref/service-selects-pods");
    }

    @Test
    void isValidAndMatchesItsSnapshot() {
        assertThat(example.manifests()).isValid().matchesSnapshot("node-agent-and-jobs");
    }
}
