package dev.manifestkit.validation.rules;

import static dev.manifestkit.validation.rules.ContainerRulesTest.deployment;
import static dev.manifestkit.validation.rules.ContainerRulesTest.pod;
import static dev.manifestkit.validation.rules.RuleHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecurityContextRuleTest {

    private static final String SYSCTL_MESSAGE = "must have at most 253 characters and match regex "
            + "^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$";

    @Test
    void userAndGroupIdsAreBetweenZeroAndTheLargestInt() {
        assertThat(run(new SecurityContextRule()).on(pod("""
                securityContext: {runAsUser: 0, runAsGroup: 2147483647, fsGroup: 2000, supplementalGroups: [0, 5]}
                containers: [{name: a, image: a:1, securityContext: {runAsUser: 1000, runAsGroup: 3000}}]
                """))).isEmpty();
        assertThat(run(new SecurityContextRule()).on(deployment("""
                securityContext: {runAsUser: -1, fsGroup: 2147483648, supplementalGroups: [1, -5]}
                initContainers: [{name: i, image: a:1, securityContext: {runAsGroup: -2}}]
                containers: [{name: a, image: a:1, securityContext: {runAsUser: 4294967296}}]
                """))).containsExactly(
                "spec.template.spec.securityContext.runAsUser: Invalid value: -1: must be between 0 and 2147483647, inclusive",
                "spec.template.spec.securityContext.fsGroup: Invalid value: 2147483648: must be between 0 and 2147483647, inclusive",
                "spec.template.spec.securityContext.supplementalGroups[1]: Invalid value: -5: must be between 0 and 2147483647, inclusive",
                "spec.template.spec.initContainers[0].securityContext.runAsGroup: Invalid value: -2: must be between 0 and 2147483647, inclusive",
                "spec.template.spec.containers[0].securityContext.runAsUser: Invalid value: 4294967296: must be between 0 and 2147483647, inclusive");
    }

    @Test
    void sysctlsAreWellFormedUniqueAndNotSharedWithTheHost() {
        assertThat(run(new SecurityContextRule()).on(pod("""
                securityContext: {sysctls: [{name: net.ipv4.ip_local_port_range, value: "1024 65535"},
                  {name: kernel/shm_rmid_forced, value: "1"}]}
                containers: [{name: a, image: a:1}]
                """))).isEmpty();
        assertThat(run(new SecurityContextRule()).on(pod("""
                hostNetwork: true
                hostIPC: true
                securityContext: {sysctls: [{name: "bad sysctl", value: "1"}, {name: net.core.somaxconn, value: "1"},
                  {name: "", value: "1"}, {name: kernel.msgmax, value: "1"}, {name: net.core.somaxconn, value: "2"},
                  {name: vm.swappiness, value: "1"}]}
                containers: [{name: a, image: a:1}]
                """))).containsExactly(
                "spec.securityContext.sysctls[0].name: Invalid value: \"bad sysctl\": " + SYSCTL_MESSAGE,
                "spec.securityContext.sysctls[1].name: Invalid value: \"net.core.somaxconn\": may not be specified when 'hostNetwork' is true",
                "spec.securityContext.sysctls[2].name: Required value",
                "spec.securityContext.sysctls[3].name: Invalid value: \"kernel.msgmax\": may not be specified when 'hostIPC' is true",
                "spec.securityContext.sysctls[4].name: Duplicate value: \"net.core.somaxconn\"",
                "spec.securityContext.sysctls[4].name: Invalid value: \"net.core.somaxconn\": may not be specified when 'hostNetwork' is true");
    }

    @Test
    void noPrivilegeEscalationRulesOutPrivilegedAndSysAdmin() {
        assertThat(run(new SecurityContextRule()).on(pod("""
                containers: [{name: a, image: a:1, securityContext: {allowPrivilegeEscalation: false, privileged: false,
                  capabilities: {add: [NET_ADMIN], drop: [ALL]}}}]
                """))).isEmpty();
        assertThat(run(new SecurityContextRule()).on(pod("""
                containers: [{name: a, image: a:1, securityContext: {allowPrivilegeEscalation: false, privileged: true,
                  capabilities: {add: [CAP_SYS_ADMIN]}}}]
                """))).containsExactly(
                "spec.containers[0].securityContext: Invalid value: {\"allowPrivilegeEscalation\":false,\"privileged\":true,"
                        + "\"capabilities\":{\"add\":[\"CAP_SYS_ADMIN\"]}}: cannot set `allowPrivilegeEscalation` to false and "
                        + "`privileged` to true",
                "spec.containers[0].securityContext: Invalid value: {\"allowPrivilegeEscalation\":false,\"privileged\":true,"
                        + "\"capabilities\":{\"add\":[\"CAP_SYS_ADMIN\"]}}: cannot set `allowPrivilegeEscalation` to false and "
                        + "`capabilities.Add` CAP_SYS_ADMIN");
    }

    @Test
    void onlyLocalhostProfilesNameAProfileFileAndTheyMust() {
        assertThat(run(new SecurityContextRule()).on(pod("""
                securityContext:
                  seccompProfile: {type: Localhost, localhostProfile: profiles/audit.json}
                  appArmorProfile: {type: RuntimeDefault}
                containers:
                  - name: a
                    image: a:1
                    securityContext:
                      seccompProfile: {type: RuntimeDefault}
                      appArmorProfile: {type: Localhost, localhostProfile: k8s-apparmor-example-deny-write}
                """))).isEmpty();
        assertThat(run(new SecurityContextRule()).on(pod("""
                securityContext:
                  seccompProfile: {type: Localhost}
                  appArmorProfile: {type: Localhost, localhostProfile: " padded"}
                containers:
                  - name: a
                    image: a:1
                    securityContext:
                      seccompProfile: {type: Localhost, localhostProfile: /etc/../profile.json}
                      appArmorProfile: {type: Localhost}
                  - name: b
                    image: b:1
                    securityContext:
                      seccompProfile: {type: RuntimeDefault, localhostProfile: p.json}
                      appArmorProfile: {type: Unconfined, localhostProfile: p}
                """))).containsExactly(
                "spec.securityContext.seccompProfile.localhostProfile: Required value: "
                        + "must be set when seccomp type is Localhost",
                "spec.securityContext.appArmorProfile.localhostProfile: Invalid value: \" padded\": "
                        + "must not be padded with whitespace",
                "spec.containers[0].securityContext.seccompProfile.localhostProfile: Invalid value: "
                        + "\"/etc/../profile.json\": must be a relative path",
                "spec.containers[0].securityContext.seccompProfile.localhostProfile: Invalid value: "
                        + "\"/etc/../profile.json\": must not contain '..'",
                "spec.containers[0].securityContext.appArmorProfile.localhostProfile: Required value: "
                        + "must be set when AppArmor type is Localhost",
                "spec.containers[1].securityContext.seccompProfile.localhostProfile: Invalid value: "
                        + "{\"type\":\"RuntimeDefault\",\"localhostProfile\":\"p.json\"}: "
                        + "can only be set when seccomp type is Localhost",
                "spec.containers[1].securityContext.appArmorProfile.localhostProfile: Invalid value: \"p\": "
                        + "can only be set when AppArmor type is Localhost");
    }
}
