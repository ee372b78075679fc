package dev.manifestkit.validation.rules;

import static dev.manifestkit.validation.rules.ContainerRulesTest.deployment;
import static dev.manifestkit.validation.rules.ContainerRulesTest.pod;
import static dev.manifestkit.validation.rules.RuleHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.manifestkit.core.syntax.Names;

/** Checks of ValidatePodSpec that an audit against the 1.35 Go code found missing. */
class PodSpecAuditRulesTest {

    private static String fileKeyRef(String volumes, String ref) {
        return pod(volumes + """
                containers:
                  - name: c
                    image: a:1
                    env: [{name: A, valueFrom: {fileKeyRef: %s}}]
                """.formatted(ref));
    }

    @Test
    void aFileKeyRefReadsAnEnvVarNameFromAnEmptyDirOfThePod() {
        var rule = new EnvValueFromRule();
        assertThat(run(rule).on(fileKeyRef("volumes: [{name: cfg, emptyDir: {}}]\n",
                "{volumeName: cfg, path: dir/vars.env, key: 'my.key'}"))).isEmpty();
        var at = "spec.containers[0].env[0].valueFrom.fileKeyRef.";
        assertThat(run(rule).on(fileKeyRef("volumes: [{name: cfg, configMap: {name: x}}]\n",
                "{volumeName: cfg, path: vars.env, key: A}"))).containsExactly(
                at + "volumeName: Invalid value: \"cfg\": referenced volume must be of type emptyDir");
        assertThat(run(rule).on(fileKeyRef("", "{volumeName: cfg, path: vars.env, key: A}"))).containsExactly(
                at + "volumeName: Not found: \"cfg\"");
        assertThat(run(rule).on(fileKeyRef("volumes: [{name: cfg, emptyDir: {}}]\n",
                "{volumeName: cfg, path: a/../vars.env, key: 'A=B'}"))).containsExactly(
                at + "key: Invalid value: \"A=B\": " + Names.envVarName("A=B", true).get(0),
                at + "path: Invalid value: \"a/../vars.env\": must not contain '..'");
        assertThat(run(rule).on(fileKeyRef("volumes: [{name: cfg, emptyDir: {}}]\n",
                "{volumeName: '', path: '', key: ''}"))).containsExactly(
                at + "key: Required value", at + "volumeName: Required value", at + "path: Required value",
                at + "volumeName: Not found: \"\"");
    }

    @Test
    void fileKeyRefIsNotJudgedBefore135() {
        // EnvFiles is alpha (off) in 1.34: the API server drops the field
        assertThat(run(new EnvValueFromRule()).version("1.34").on(fileKeyRef("",
                "{volumeName: cfg, path: ../vars.env, key: A}"))).isEmpty();
    }

    @Test
    void aHostnameOverrideIsASubdomainOfAtMost64CharactersWithoutHostNetworkOrFqdn() {
        var rule = new ReferenceNamesRule();
        assertThat(run(rule).on(pod("""
                hostnameOverride: node-a.example
                containers: [{name: c, image: a:1}]
                """))).isEmpty();
        assertThat(run(rule).on(deployment("""
                hostNetwork: true
                setHostnameAsFQDN: true
                hostnameOverride: %s.%s
                containers: [{name: c, image: a:1}]
                """.formatted("a".repeat(32), "b".repeat(32))))).containsExactly(
                "spec.template.spec.hostnameOverride: Forbidden: may not be specified when setHostnameAsFQDN is true",
                "spec.template.spec.hostnameOverride: Forbidden: may not be specified when hostNetwork is true",
                "spec.template.spec.hostnameOverride: Too long: must have at most 64 bytes");
        assertThat(run(rule).on(pod("""
                hostnameOverride: ""
                containers: [{name: c, image: a:1}]
                """))).containsExactly(
                "spec.hostnameOverride: Invalid value: \"\": " + Names.dns1123Subdomain("").get(0));
        // HostnameOverride is alpha (off) in 1.34: the API server drops the field
        assertThat(run(rule).version("1.34").on(pod("""
                hostNetwork: true
                hostnameOverride: Bad
                containers: [{name: c, image: a:1}]
                """))).isEmpty();
    }

    @Test
    void aWindowsPodHasNoPodLevelResources() {
        assertThat(run(new PodResourcesRule()).on(pod("""
                os: {name: windows}
                resources: {limits: {cpu: "1", foo: "1"}}
                containers: [{name: c, image: a:1}]
                """))).containsExactly("spec.resources: Forbidden: may not be set for a windows pod");
    }

    @Test
    void theOverheadIsNotNegative() {
        assertThat(run(new QuantityRule()).on(pod("""
                overhead: {cpu: "-100m", memory: 10Mi}
                containers: [{name: c, image: a:1}]
                """))).containsExactly(
                "spec.overhead[cpu]: Invalid value: \"-100m\": must be greater than or equal to 0");
    }

    @Test
    void anAppArmorLocalhostProfileHasAtMost4095Bytes() {
        var container = "containers: [{name: c, image: a:1, securityContext: {appArmorProfile: {type: Localhost, "
                + "localhostProfile: %s}}}]\n";
        assertThat(run(new SecurityContextRule()).on(pod(container.formatted("a".repeat(4095))))).isEmpty();
        assertThat(run(new SecurityContextRule()).on(pod(container.formatted("a".repeat(4096))))).containsExactly(
                "spec.containers[0].securityContext.appArmorProfile.localhostProfile: Too long: "
                        + "must have at most 4095 bytes");
    }

    @Test
    void aMirrorPodClaimsNoResources() {
        var claims = """
                nodeName: node-1
                resourceClaims: [{name: gpu, resourceClaimName: gpu-claim}]
                containers: [{name: c, image: a:1}]
                """;
        assertThat(run(new ResourceClaimsRule()).on(pod(claims))).isEmpty();
        assertThat(run(new ResourceClaimsRule()).on(pod(claims).replace("metadata: {name: p}",
                "metadata: {name: p, annotations: {kubernetes.io/config.mirror: abc}}"))).containsExactly(
                "spec.resourceClaims[0]: Forbidden: static pods do not support resource claims");
    }
}
