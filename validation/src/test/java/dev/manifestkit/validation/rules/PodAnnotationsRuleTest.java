package dev.manifestkit.validation.rules;

import static dev.manifestkit.validation.rules.RuleHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PodAnnotationsRuleTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "10", "-5", "-0", "-01", "2147483647", "-2147483648"})
    void deletionCostsGoParsesAreInt32(String cost) {
        assertThat(PodAnnotationsRule.isInt32(cost)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "+1", "007", "1.5", "2147483648", "-2147483649", "1e3", " 1", "١"})
    void deletionCostsGoRefusesAreNot(String cost) {
        assertThat(PodAnnotationsRule.isInt32(cost)).isFalse();
    }

    @Test
    void annotationsTheApiServerReadsOnPodsAndTemplatesAreChecked() {
        assertThat(run(new PodAnnotationsRule()).on("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: d}
                spec:
                  template:
                    metadata:
                      annotations:
                        controller.kubernetes.io/pod-deletion-cost: "-100"
                        seccomp.security.alpha.kubernetes.io/pod: runtime/default
                        container.seccomp.security.alpha.kubernetes.io/app: localhost/profiles/app.json
                        container.apparmor.security.beta.kubernetes.io/app: localhost/k8s-deny-write
                    spec:
                      containers: [{name: app, image: a:1}]
                """)).isEmpty();
        assertThat(run(new PodAnnotationsRule()).on("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                  annotations:
                    controller.kubernetes.io/pod-deletion-cost: "+1"
                    seccomp.security.alpha.kubernetes.io/pod: default
                    container.seccomp.security.alpha.kubernetes.io/app: localhost/../app.json
                    container.apparmor.security.beta.kubernetes.io/web: enforce
                    kubernetes.io/config.mirror: mirror
                spec:
                  containers: [{name: app, image: a:1}]
                """)).containsExactly(
                "metadata.annotations[controller.kubernetes.io/pod-deletion-cost]: Invalid value: \"+1\": "
                        + "must be a 32bit integer",
                "metadata.annotations[seccomp.security.alpha.kubernetes.io/pod]: Invalid value: \"default\": "
                        + "must be a valid seccomp profile",
                "metadata.annotations[container.seccomp.security.alpha.kubernetes.io/app]: Invalid value: "
                        + "\"../app.json\": must not contain '..'",
                "metadata.annotations[container.apparmor.security.beta.kubernetes.io/web]: Invalid value: \"web\": "
                        + "container not found",
                "metadata.annotations[container.apparmor.security.beta.kubernetes.io/web]: Invalid value: \"enforce\": "
                        + "invalid AppArmor profile name: \"enforce\"",
                "metadata.annotations[kubernetes.io/config.mirror]: Invalid value: \"mirror\": "
                        + "must set spec.nodeName if mirror pod annotation is set");
    }
}
