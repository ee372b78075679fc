package dev.manifestkit.validation.rules;

import static dev.manifestkit.validation.rules.ContainerRulesTest.pod;
import static dev.manifestkit.validation.rules.RuleHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContainerRestartPolicyRuleTest {

    private static final String RESTART_ON_EXIT = """
            restartPolicy: Never
            initContainers:
              - {name: setup, image: a:1, restartPolicy: Never}
              - {name: sidecar, image: a:1, restartPolicy: Always}
            containers:
              - name: worker
                image: a:1
                restartPolicy: Never
                restartPolicyRules: [{action: Restart, exitCodes: {operator: In, values: [42]}}]
            """;

    @Test
    void from135EveryContainerMaySetARestartPolicyWithRules() {
        assertThat(run(new ContainerRestartPolicyRule()).on(pod(RESTART_ON_EXIT))).isEmpty();
        assertThat(run(new ContainerRestartPolicyRule()).on(pod("""
                initContainers:
                  - name: sidecar
                    image: a:1
                    restartPolicy: Always
                    restartPolicyRules: [{action: Restart, exitCodes: {operator: In, values: [1]}}]
                containers:
                  - name: a
                    image: a:1
                    restartPolicy: Sometimes
                  - name: b
                    image: a:1
                    restartPolicyRules: [{action: Explode, exitCodes: {operator: Gt, values: [1]}}]
                """))).containsExactly(
                "spec.initContainers[0].restartPolicyRules: Forbidden: may not be set for restartable init containers",
                "spec.containers[0].restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", "
                        + "\"Never\", \"OnFailure\"",
                "spec.containers[1].restartPolicy: Required value: must be set when restartPolicyRules are set",
                "spec.containers[1].restartPolicyRules[0].action: Unsupported value: \"Explode\": supported values: "
                        + "\"Restart\"",
                "spec.containers[1].restartPolicyRules[0].exitCodes.operator: Unsupported value: \"Gt\": supported "
                        + "values: \"In\", \"NotIn\"");
    }

    @Test
    void before135OnlyInitContainersSetOneAndOnlyAlways() {
        assertThat(run(new ContainerRestartPolicyRule()).version("1.34").on(pod(RESTART_ON_EXIT))).containsExactly(
                "spec.initContainers[0].restartPolicy: Unsupported value: \"Never\": supported values: \"Always\"",
                "spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers");
    }
}
