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
    @Test
    void theGeneratedTemplateLabelsNeedAValidNameAndNoConflictingValues() {
        var name = "j".repeat(64);
        assertThat(run(new JobSpecRule()).on(job("").replace("{name: j}", "{name: " + name + "}")
                + "---\n" + """
                apiVersion: batch/v1
                kind: Job
                metadata: {name: j}
                spec:
                  template:
                    metadata: {labels: {job-name: j, batch.kubernetes.io/job-name: other, controller-uid: x}}
                    spec: {restartPolicy: Never, containers: [{name: a, image: a:1}]}
                """)).containsExactly(
                "spec.template.metadata.labels: Invalid value: \"" + name + "\": must be no more than 63 characters",
                "spec.template.metadata.labels[batch.kubernetes.io/job-name]: Invalid value: {\"job-name\":\"j\","
                        + "\"batch.kubernetes.io/job-name\":\"other\",\"controller-uid\":\"x\"}: must be 'j'",
                "spec.template.metadata.labels[controller-uid]: Invalid value: {\"job-name\":\"j\","
                        + "\"batch.kubernetes.io/job-name\":\"other\",\"controller-uid\":\"x\"}: must be the Job's uid, "
                        + "which the API server assigns when it creates the Job");
    }

    @Test
    void aManualSelectorOrAMatchingLabelLeavesTheNameAlone() {
        var name = "j".repeat(64);
        assertThat(run(new JobSpecRule()).on(job("manualSelector: true\nselector: {matchLabels: {app: j}}")
                .replace("{name: j}", "{name: " + name + "}")
                + "---\n" + job("").replace("{restartPolicy", "{restartPolicy")
                        .replace("template: {spec:", "template: {metadata: {labels: {job-name: j}}, spec:")))
                .isEmpty();
    }

    @Test
    void anIndexedJobsLastHostnameIsADnsLabel() {
        var yaml = job("completionMode: Indexed\ncompletions: %d").replace("{name: j}", "{name: " + "j".repeat(61) + "}");
        assertThat(run(new JobSpecRule()).on(yaml.formatted(10))).isEmpty();
        assertThat(run(new JobSpecRule()).on(yaml.formatted(11))).containsExactly(
                "metadata.name: Invalid value: \"" + "j".repeat(61) + "\": will not able to create pod with invalid "
                        + "DNS label: " + "j".repeat(61) + "-10");
    }

    @Test
    void indexedLimitsOnFailedIndexes() {
        assertThat(run(new JobSpecRule()).on(
                job("completionMode: Indexed\ncompletions: 3\nbackoffLimitPerIndex: 1\nmaxFailedIndexes: 4")
                        + "---\n" + job("completionMode: Indexed\ncompletions: 100001\nparallelism: 10001\n"
                                + "backoffLimitPerIndex: 1")))
                .containsExactly(
                        "spec.maxFailedIndexes: Invalid value: 4: must be less than or equal to completions",
                        "spec.maxFailedIndexes: Required value: must be specified when completions is above 100000",
                        "spec.parallelism: Invalid value: 10001: must be less than or equal to 10000 when completions "
                                + "are above 100000 and used with backoff limit per index");
    }

    @Test
    void podFailurePolicyRulesAreCheckedOneByOne() {
        assertThat(run(new JobSpecRule()).on(job("""
                podFailurePolicy:
                  rules:
                  - action: Retry
                    onExitCodes: {operator: In, values: [3, 0, 3]}
                  - onExitCodes: {operator: Is, containerName: b, values: []}
                  - action: FailIndex
                  - action: Ignore
                    onExitCodes: {operator: NotIn, values: [0]}
                    onPodConditions: [{type: "-x", status: Maybe}, {type: DisruptionTarget}]
                """))).containsExactly(
                "spec.podFailurePolicy.rules[0].action: Unsupported value: \"Retry\": supported values: \"Count\", "
                        + "\"FailIndex\", \"FailJob\", \"Ignore\"",
                "spec.podFailurePolicy.rules[0].onExitCodes.values[1]: Invalid value: 0: must not be 0 for the In operator",
                "spec.podFailurePolicy.rules[0].onExitCodes.values[2]: Duplicate value: 3",
                "spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: [3,0,3]: must be ordered",
                "spec.podFailurePolicy.rules[1].action: Required value: valid values: [\"Count\" \"FailIndex\" "
                        + "\"FailJob\" \"Ignore\"]",
                "spec.podFailurePolicy.rules[1].onExitCodes.operator: Unsupported value: \"Is\": supported values: "
                        + "\"In\", \"NotIn\"",
                "spec.podFailurePolicy.rules[1].onExitCodes.containerName: Invalid value: \"b\": must be one of the "
                        + "container or initContainer names in the pod template",
                "spec.podFailurePolicy.rules[1].onExitCodes.values: Invalid value: []: at least one value is required",
                "spec.podFailurePolicy.rules[2].action: Invalid value: \"FailIndex\": requires the backoffLimitPerIndex "
                        + "to be set",
                "spec.podFailurePolicy.rules[2]: Invalid value: specifying one of OnExitCodes and OnPodConditions is "
                        + "required",
                "spec.podFailurePolicy.rules[3].onPodConditions[0].type: Invalid value: \"-x\": name part must consist "
                        + "of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric "
                        + "character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
                        + "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
                "spec.podFailurePolicy.rules[3].onPodConditions[0].status: Unsupported value: \"Maybe\": supported "
                        + "values: \"False\", \"True\", \"Unknown\"",
                "spec.podFailurePolicy.rules[3]: Invalid value: specifying both OnExitCodes and OnPodConditions is not "
                        + "supported");
    }

    @Test
    void podFailurePolicyListsHaveLimits() {
        var rules = new StringBuilder("podFailurePolicy:\n  rules:\n");
        for (int i = 0; i < 21; i++) {
            rules.append("  - {action: Count, onPodConditions: [{type: DisruptionTarget}]}\n");
        }
        var codes = new StringBuilder("[");
        for (int i = 1; i <= 256; i++) {
            codes.append(i == 1 ? "" : ", ").append(i);
        }
        assertThat(run(new JobSpecRule()).on(job(rules.toString()) + "---\n"
                + job("podFailurePolicy: {rules: [{action: Count, onExitCodes: {operator: NotIn, values: " + codes
                        + "]}}]}")))
                .containsExactly(
                        "spec.podFailurePolicy.rules: Too many: 21: must have at most 20 items",
                        "spec.podFailurePolicy.rules[0].onExitCodes.values: Too many: 256: must have at most 255 items");
        assertThat(run(new JobSpecRule()).on(job("podFailurePolicy: {rules: [{action: FailJob, onExitCodes: "
                + "{containerName: a, operator: NotIn, values: [0, 1, 255]}}]}\npodReplacementPolicy: Failed")))
                .isEmpty();
    }

    @Test
    void podReplacementPolicyIsFailedWithAFailurePolicy() {
        assertThat(run(new JobSpecRule()).on(job("podReplacementPolicy: Always")
                + "---\n" + job("podReplacementPolicy: TerminatingOrFailed")
                + "---\n" + job("podReplacementPolicy: TerminatingOrFailed\npodFailurePolicy: {rules: []}")))
                .containsExactly(
                        "spec.podReplacementPolicy: Unsupported value: \"Always\": supported values: \"Failed\", "
                                + "\"TerminatingOrFailed\"",
                        "spec.podReplacementPolicy: Unsupported value: \"TerminatingOrFailed\": supported values: "
                                + "\"Failed\"");
    }

    @Test
    void managedByIsADomainPrefixedPathOfAtMost63Characters() {
        var longest = "example.com/" + "m".repeat(51);
        assertThat(run(new JobSpecRule()).on(job("managedBy: " + longest)
                + "---\n" + job("managedBy: kueue.x-k8s.io/multikueue"))).isEmpty();
        assertThat(run(new JobSpecRule()).on(job("managedBy: not-a-path")
                + "---\n" + job("managedBy: Example.com/a b")
                + "---\n" + job("managedBy: \"\"")
                + "---\n" + job("managedBy: " + longest + "m")))
                .containsExactly(
                        "spec.managedBy: Invalid value: \"not-a-path\": must be a domain-prefixed path (such as "
                                + "\"acme.io/foo\")",
                        "spec.managedBy: Invalid value: \"Example.com\": a lowercase RFC 1123 subdomain must consist of "
                                + "lower case alphanumeric characters, '-' or '.', and must start and end with an "
                                + "alphanumeric character (e.g. 'example.com', regex used for validation is "
                                + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
                        "spec.managedBy: Invalid value: \"a b\": Invalid path (regex used for validation is "
                                + "'[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+')",
                        "spec.managedBy: Required value",
                        "spec.managedBy: Too long: must have at most 63 bytes");
    }

    @Test
    void anIndexedJobWithoutCompletionsOrParallelismRunsOnceAsTheServerDefaultsIt() {
        assertThat(run(new JobSpecRule()).on(job("completionMode: Indexed")
                + "---\n" + job("completionMode: Indexed\nsuccessPolicy: {rules: [{succeededIndexes: \"0\", succeededCount: 1}]}")))
                .isEmpty();
        assertThat(run(new JobSpecRule()).on(job("completionMode: Indexed\nparallelism: 2")
                + "---\n" + job("completionMode: Indexed\nmaxFailedIndexes: 2\nbackoffLimitPerIndex: 1")))
                .containsExactly(
                        "spec.completions: Required value: when completion mode is Indexed",
                        "spec.maxFailedIndexes: Invalid value: 2: must be less than or equal to completions");
    }

    @Test
    void successPolicyRulesNameOrderedIndexesBelowCompletionsAndCountsWithinThem() {
        assertThat(run(new JobSpecRule()).on(job("""
                completionMode: Indexed
                completions: 10
                successPolicy:
                  rules:
                  - {succeededIndexes: "0,2-4,+6", succeededCount: 5}
                  - {succeededCount: 10}
                  - {succeededIndexes: ""}
                """))).isEmpty();
        assertThat(run(new JobSpecRule()).on(job("""
                completionMode: Indexed
                completions: 10
                successPolicy:
                  rules:
                  - {}
                  - {succeededIndexes: "1-3", succeededCount: 4}
                  - {succeededIndexes: "3,1"}
                  - {succeededIndexes: "2-9-1"}
                  - {succeededIndexes: "1-x"}
                  - {succeededIndexes: "4-10"}
                  - {succeededIndexes: "5-5"}
                  - {succeededCount: 11}
                  - {succeededIndexes: "-1", succeededCount: 1}
                """))).containsExactly(
                "spec.successPolicy.rules[0]: Required value: at least one of succeededCount or succeededIndexes must "
                        + "be specified",
                "spec.successPolicy.rules[1].succeededCount: Invalid value: 4: must be less than or equal to 3 (the "
                        + "number of indexes in the specified succeededIndexes field)",
                "spec.successPolicy.rules[2].succeededIndexes: Invalid value: \"3,1\": error parsing succeededIndexes: "
                        + "non-increasing order, previous: 3, current: 1",
                "spec.successPolicy.rules[3].succeededIndexes: Invalid value: \"2-9-1\": error parsing succeededIndexes: "
                        + "the fragment \"2-9-1\" violates the requirement that an index interval can have at most two "
                        + "parts separated by '-'",
                "spec.successPolicy.rules[4].succeededIndexes: Invalid value: \"1-x\": error parsing succeededIndexes: "
                        + "cannot convert string to integer for index: \"x\"",
                "spec.successPolicy.rules[5].succeededIndexes: Invalid value: \"4-10\": error parsing succeededIndexes: "
                        + "too large index: \"10\"",
                "spec.successPolicy.rules[6].succeededIndexes: Invalid value: \"5-5\": error parsing succeededIndexes: "
                        + "non-increasing order, previous: 5, current: 5",
                "spec.successPolicy.rules[7].succeededCount: Invalid value: 11: must be less than or equal to 10 (the "
                        + "number of specified completions)",
                "spec.successPolicy.rules[8].succeededIndexes: Invalid value: \"-1\": error parsing succeededIndexes: "
                        + "cannot convert string to integer for index: \"\"",
                "spec.successPolicy.rules[8].succeededCount: Invalid value: 1: must be less than or equal to 0 (the "
                        + "number of indexes in the specified succeededIndexes field)");
        assertThat(run(new JobSpecRule()).on(job("completionMode: Indexed\ncompletions: 2\nsuccessPolicy: {rules: []}")))
                .containsExactly("spec.successPolicy.rules: Required value: at least one rules must be specified when "
                        + "the successPolicy is specified");
    }
}
