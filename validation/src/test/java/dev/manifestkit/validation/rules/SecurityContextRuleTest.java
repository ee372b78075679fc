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

    @Test
    void aWindowsPodSetsNoLinuxOnlyField() {
        assertThat(run(new SecurityContextRule()).on(pod("""
                os: {name: windows}
                hostPID: false
                securityContext:
                  runAsNonRoot: true
                  sysctls: []
                  windowsOptions: {runAsUserName: ContainerUser}
                containers:
                  - {name: a, image: a:1, securityContext: {runAsNonRoot: true,
                     windowsOptions: {runAsUserName: 'NT AUTHORITY\\NETWORK SERVICE'}}}
                """))).isEmpty();
        assertThat(run(new SecurityContextRule()).on(deployment("""
                os: {name: windows}
                hostPID: true
                hostIPC: true
                hostUsers: true
                shareProcessNamespace: false
                securityContext:
                  seLinuxOptions: {level: "s0:c1"}
                  runAsUser: 1000
                  fsGroup: 2000
                  supplementalGroups: [3]
                  sysctls: [{name: vm.swappiness, value: "1"}]
                  seLinuxChangePolicy: Recursive
                initContainers:
                  - {name: i, image: a:1, securityContext: {capabilities: {drop: [ALL]}, readOnlyRootFilesystem: true}}
                containers:
                  - {name: a, image: a:1, securityContext: {allowPrivilegeEscalation: false, runAsGroup: 3000,
                     seccompProfile: {type: RuntimeDefault}}}
                """))).containsExactly(
                "spec.template.spec.securityContext.seLinuxOptions: Forbidden: cannot be set for a windows pod",
                "spec.template.spec.securityContext.fsGroup: Forbidden: cannot be set for a windows pod",
                "spec.template.spec.securityContext.runAsUser: Forbidden: cannot be set for a windows pod",
                "spec.template.spec.securityContext.seLinuxChangePolicy: Forbidden: cannot be set for a windows pod",
                "spec.template.spec.securityContext.supplementalGroups: Forbidden: cannot be set for a windows pod",
                "spec.template.spec.securityContext.sysctls: Forbidden: cannot be set for a windows pod",
                "spec.template.spec.hostUsers: Forbidden: cannot be set for a windows pod",
                "spec.template.spec.hostPID: Forbidden: cannot be set for a windows pod",
                "spec.template.spec.hostIPC: Forbidden: cannot be set for a windows pod",
                "spec.template.spec.shareProcessNamespace: Forbidden: cannot be set for a windows pod",
                "spec.template.spec.initContainers[0].securityContext.capabilities: Forbidden: cannot be set for a windows pod",
                "spec.template.spec.initContainers[0].securityContext.readOnlyRootFilesystem: Forbidden: cannot be set "
                        + "for a windows pod",
                "spec.template.spec.containers[0].securityContext.seccompProfile: Forbidden: cannot be set for a windows pod",
                "spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation: Forbidden: cannot be set "
                        + "for a windows pod",
                "spec.template.spec.containers[0].securityContext.runAsGroup: Forbidden: cannot be set for a windows pod");
    }

    @Test
    void aLinuxPodSetsNoWindowsOptionsAndAPodWithoutAnOsMaySetBoth() {
        assertThat(run(new SecurityContextRule()).on(pod("""
                securityContext: {runAsUser: 1000, windowsOptions: {runAsUserName: ContainerUser}}
                containers: [{name: a, image: a:1, securityContext: {windowsOptions: {runAsUserName: ContainerUser}}}]
                """))).isEmpty();
        assertThat(run(new SecurityContextRule()).on(pod("""
                os: {name: linux}
                hostPID: true
                securityContext: {runAsUser: 1000, windowsOptions: {runAsUserName: ContainerUser}}
                containers: [{name: a, image: a:1, securityContext: {windowsOptions: {runAsUserName: ContainerUser}}}]
                """))).containsExactly(
                "spec.securityContext.windowsOptions: Forbidden: windows options cannot be set for a linux pod",
                "spec.containers[0].securityContext.windowsOptions: Forbidden: windows options cannot be set for a linux pod");
    }

    @Test
    void hostProcessContainersAreAllOrNoneAndShareTheHostNetwork() {
        assertThat(run(new SecurityContextRule()).on(pod("""
                hostNetwork: true
                securityContext: {windowsOptions: {hostProcess: true}}
                containers: [{name: a, image: a:1}, {name: b, image: b:1, securityContext: {windowsOptions: {hostProcess: true}}}]
                """))).isEmpty();
        assertThat(run(new SecurityContextRule()).on(pod("""
                securityContext: {windowsOptions: {hostProcess: false}}
                containers: [{name: a, image: a:1, securityContext: {windowsOptions: {hostProcess: false}}}]
                """))).isEmpty();
        assertThat(run(new SecurityContextRule()).on(pod("""
                securityContext: {windowsOptions: {hostProcess: false}}
                initContainers: [{name: i, image: a:1}]
                containers: [{name: a, image: a:1, securityContext: {windowsOptions: {hostProcess: true}}}]
                """))).containsExactly(
                "spec.containers[0].securityContext.windowsOptions.hostProcess: Invalid value: true: "
                        + "pod hostProcess value must be identical if both are specified, was false",
                "spec: Invalid value: \"\": If pod contains any hostProcess containers then all containers must be "
                        + "HostProcess containers",
                "spec.hostNetwork: Invalid value: false: hostNetwork must be true if pod contains any hostProcess containers");
    }

    @Test
    void windowsOptionsNameAWellFormedUserAndCredentialSpec() {
        assertThat(run(new SecurityContextRule()).on(pod("""
                containers:
                  - {name: a, image: a:1, securityContext: {windowsOptions: {runAsUserName: 'corp.example.com\\svc-web',
                     gmsaCredentialSpecName: webapp1-credspec, gmsaCredentialSpec: '{"CmsPlugins":["ActiveDirectory"]}'}}}
                  - {name: b, image: b:1, securityContext: {windowsOptions: {runAsUserName: 'DOMAIN\\%s'}}}
                """.formatted("u".repeat(104))))).isEmpty();
        assertThat(run(new SecurityContextRule()).on(pod("""
                securityContext: {windowsOptions: {runAsUserName: "", gmsaCredentialSpecName: Bad_Name, gmsaCredentialSpec: ""}}
                containers:
                  - {name: a, image: a:1, securityContext: {windowsOptions: {runAsUserName: 'a\\b\\c'}}}
                  - {name: b, image: b:1, securityContext: {windowsOptions: {runAsUserName: '.bad\\. .'}}}
                  - {name: c, image: c:1, securityContext: {windowsOptions: {runAsUserName: 'a*b\\'}}}
                  - {name: d, image: d:1, securityContext: {windowsOptions: {runAsUserName: "tab\\there"}}}
                  - {name: e, image: e:1, securityContext: {windowsOptions: {runAsUserName: %s}}}
                """.formatted("u".repeat(105))))).containsExactly(
                "spec.securityContext.windowsOptions.gmsaCredentialSpecName: Invalid value: \"Bad_Name\": a lowercase "
                        + "RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must "
                        + "start and end with an alphanumeric character (e.g. 'example.com', regex used for validation "
                        + "is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
                "spec.securityContext.windowsOptions.gmsaCredentialSpec: Invalid value: \"\": gmsaCredentialSpec cannot "
                        + "be an empty string",
                "spec.securityContext.windowsOptions.runAsUserName: Invalid value: \"\": runAsUserName cannot be an "
                        + "empty string",
                "spec.containers[0].securityContext.windowsOptions.runAsUserName: Invalid value: \"a\\\\b\\\\c\": "
                        + "runAsUserName cannot contain more than one backslash",
                "spec.containers[1].securityContext.windowsOptions.runAsUserName: Invalid value: \".bad\\\\. .\": "
                        + "runAsUserName's Domain doesn't match the NetBios nor the DNS format",
                "spec.containers[1].securityContext.windowsOptions.runAsUserName: Invalid value: \".bad\\\\. .\": "
                        + "runAsUserName's User cannot contain only periods or spaces",
                "spec.containers[2].securityContext.windowsOptions.runAsUserName: Invalid value: \"a*b\\\\\": "
                        + "runAsUserName's Domain doesn't match the NetBios nor the DNS format",
                "spec.containers[2].securityContext.windowsOptions.runAsUserName: Invalid value: \"a*b\\\\\": "
                        + "runAsUserName's User cannot be empty",
                "spec.containers[3].securityContext.windowsOptions.runAsUserName: Invalid value: \"tab\\there\": "
                        + "runAsUserName cannot contain control characters",
                "spec.containers[4].securityContext.windowsOptions.runAsUserName: Invalid value: \"%s\": "
                        .formatted("u".repeat(105))
                        + "runAsUserName's User length must not be longer than 104 characters");
    }
}
