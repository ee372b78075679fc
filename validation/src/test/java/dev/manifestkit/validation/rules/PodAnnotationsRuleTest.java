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

    @Test
    void onAPodSeccompAndAppArmorAnnotationsAgreeWithTheFieldsBesideThem() {
        assertThat(run(new PodAnnotationsRule()).on("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                  annotations:
                    seccomp.security.alpha.kubernetes.io/pod: runtime/default
                    container.seccomp.security.alpha.kubernetes.io/a: docker/default
                    container.seccomp.security.alpha.kubernetes.io/b: unconfined
                    container.apparmor.security.beta.kubernetes.io/a: localhost/k8s-deny-write
                    container.apparmor.security.beta.kubernetes.io/b: unconfined
                spec:
                  securityContext:
                    seccompProfile: {type: RuntimeDefault}
                    appArmorProfile: {type: RuntimeDefault}
                  containers:
                    - name: a
                      image: a:1
                      securityContext:
                        seccompProfile: {type: RuntimeDefault}
                        appArmorProfile: {type: Localhost, localhostProfile: k8s-deny-write}
                    - {name: b, image: b:1}
                """)).isEmpty();
        assertThat(run(new PodAnnotationsRule()).on("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                  annotations:
                    seccomp.security.alpha.kubernetes.io/pod: unconfined
                    container.seccomp.security.alpha.kubernetes.io/a: localhost/a.json
                    container.apparmor.security.beta.kubernetes.io/a: runtime/default
                    container.apparmor.security.beta.kubernetes.io/b: localhost/
                spec:
                  securityContext:
                    seccompProfile: {type: RuntimeDefault}
                    appArmorProfile: {type: Unconfined}
                  containers:
                    - name: a
                      image: a:1
                      securityContext:
                        seccompProfile: {type: Localhost, localhostProfile: b.json}
                        appArmorProfile: {type: Localhost, localhostProfile: x}
                    - {name: b, image: b:1}
                """)).containsExactly(
                "spec.securityContext.seccompProfile.type: Forbidden: seccomp type in annotation and field must match",
                "spec.containers[0].securityContext.seccompProfile.localhostProfile: Forbidden: "
                        + "seccomp profile in annotation and field must match",
                "spec.containers[0].securityContext.appArmorProfile.type: Forbidden: "
                        + "apparmor type in annotation and field must match",
                // an annotation naming no profile leaves the container with the pod's
                "spec.containers[1].securityContext.appArmorProfile.type: Forbidden: "
                        + "apparmor type in annotation and field must match");
    }

    @Test
    void templatesAndWindowsPodsNeedNotAgree() {
        assertThat(run(new PodAnnotationsRule()).on("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: d}
                spec:
                  template:
                    metadata:
                      annotations: {seccomp.security.alpha.kubernetes.io/pod: unconfined}
                    spec:
                      securityContext: {seccompProfile: {type: RuntimeDefault}}
                      containers: [{name: app, image: a:1}]
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: w
                  annotations: {container.apparmor.security.beta.kubernetes.io/app: unconfined}
                spec:
                  os: {name: windows}
                  containers: [{name: app, image: a:1, securityContext: {appArmorProfile: {type: RuntimeDefault}}}]
                """)).isEmpty();
    }
}
