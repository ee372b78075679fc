package dev.manifestkit.validation.rules;

import static dev.manifestkit.validation.rules.RuleHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobSpecRuleTest {

    private static String job(String spec) {
        return """
                apiVersion: batch/v1
                kind: Job
                metadata: {name: j}
                spec:
                """ + spec.indent(2) + """
                  template: {spec: {restartPolicy: Never, containers: [{name: a, image: a:1}]}}
                """;
    }

    @Test
    void jobsTheApiServerAcceptsPass() {
        assertThat(run(new JobSpecRule()).on(job("completionMode: Indexed\ncompletions: 5\nbackoffLimitPerIndex: 1")
                + "---\n" + job("manualSelector: true\nselector: {matchLabels: {app: j}}")
                + "---\n" + job("podFailurePolicy: {rules: [{action: FailJob, onExitCodes: {operator: In, values: [42]}}]}")))
                .isEmpty();
    }

    @Test
    void generatedSelectorsIndexedModeAndFailurePoliciesAreChecked() {
        assertThat(run(new JobSpecRule()).on(job("completionMode: Indexed\nparallelism: 100001")
                + "---\n" + job("selector: {matchLabels: {app: j}}\nmaxFailedIndexes: 2\nsuccessPolicy: {rules: []}")))
                .containsExactly(
                        "spec.completions: Required value: when completion mode is Indexed",
                        "spec.parallelism: Invalid value: 100001: must be less than or equal to 100000 when completion "
                                + "mode is Indexed",
                        "spec.selector: Invalid value: {\"matchLabels\":{\"app\":\"j\"}}: `selector` not auto-generated",
                        "spec.maxFailedIndexes: Invalid value: 2: requires indexed completion mode",
                        "spec.successPolicy: Invalid value: {\"rules\":[]}: requires indexed completion mode",
                        "spec.backoffLimitPerIndex: Required value: when maxFailedIndexes is specified");
        assertThat(run(new JobSpecRule()).on("""
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: %s}
                spec:
                  schedule: "@daily"
                  jobTemplate:
                    spec:
                      manualSelector: true
                      selector: {matchLabels: {app: c}}
                      podFailurePolicy: {rules: []}
                      template: {spec: {restartPolicy: OnFailure, containers: [{name: a, image: a:1}]}}
                """.formatted("c".repeat(53)))).containsExactly(
                "metadata.name: Invalid value: \"" + "c".repeat(53) + "\": must be no more than 52 characters",
                "spec.jobTemplate.spec.selector: Invalid value: {\"matchLabels\":{\"app\":\"c\"}}: `selector` will be "
                        + "auto-generated",
                "spec.jobTemplate.spec.manualSelector: Unsupported value: true: supported values: \"nil\", \"false\"",
                "spec.jobTemplate.spec.template.spec.restartPolicy: Invalid value: \"OnFailure\": only \"Never\" is "
                        + "supported when podFailurePolicy is specified");
    }
}
