package dev.manifestkit.validation.rules;

import static dev.manifestkit.validation.rules.ContainerRulesTest.pod;
import static dev.manifestkit.validation.rules.RuleHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.manifestkit.core.syntax.Names;

class EnvRulesTest {

    private static final String ODD_NAMES = pod("""
            containers:
              - name: a
                image: a:1
                env: [{name: "1ST_VAR", value: x}, {name: "MY VAR", value: y}]
                envFrom: [{prefix: "APP:", configMapRef: {name: c}}]
            """);

    @Test
    void envVarNamesFollowTheStrictRuleBefore134() {
        var strict = Names.envVarName("1ST_VAR", false).get(0);
        assertThat(run(new EnvVarNameRule()).version("1.33").on(ODD_NAMES)).containsExactly(
                "spec.containers[0].env[0].name: Invalid value: \"1ST_VAR\": " + strict,
                "spec.containers[0].env[1].name: Invalid value: \"MY VAR\": " + strict,
                "spec.containers[0].envFrom[0].prefix: Invalid value: \"APP:\": " + strict);
    }

    @Test
    void envVarNamesAreAnyPrintableAsciiButEqualsFrom134() {
        assertThat(run(new EnvVarNameRule()).version("1.34").on(ODD_NAMES)).isEmpty();
        assertThat(run(new EnvVarNameRule()).version("1.35").on(pod("""
                containers: [{name: a, image: a:1, env: [{name: "A=B", value: x}, {name: "", value: y}, {value: z}]}]
                """))).containsExactly(
                "spec.containers[0].env[0].name: Invalid value: \"A=B\": " + Names.envVarName("A=B", true).get(0),
                "spec.containers[0].env[1].name: Required value");
    }

    @Test
    void valueFromHasExactlyOneCompleteSource() {
        assertThat(run(new EnvValueFromRule()).on(pod("""
                containers:
                  - name: a
                    image: a:1
                    env:
                      - {name: A, valueFrom: {secretKeyRef: {name: s, key: k}}}
                      - {name: B, valueFrom: {fieldRef: {fieldPath: metadata.name}}}
                    envFrom: [{secretRef: {name: s}}]
                """))).isEmpty();
        assertThat(run(new EnvValueFromRule()).on(pod("""
                containers:
                  - name: a
                    image: a:1
                    env:
                      - {name: A, value: x, valueFrom: {secretKeyRef: {name: s, key: k}}}
                      - {name: B, valueFrom: {secretKeyRef: {name: s, key: k}, configMapKeyRef: {name: c, key: k}}}
                      - {name: C, valueFrom: {}}
                      - {name: D, valueFrom: {configMapKeyRef: {key: "a/b"}}}
                      - {name: E, valueFrom: {secretKeyRef: {name: Bad_Name, key: k}}}
                    envFrom: [{prefix: X}, {configMapRef: {name: app-}}, {secretRef: {name: Bad_Name}}]
                """))).containsExactly(
                "spec.containers[0].env[0].valueFrom: Invalid value: \"\": may not be specified when `value` is not empty",
                "spec.containers[0].env[1].valueFrom: Invalid value: \"\": may not have more than one field specified "
                        + "at a time",
                "spec.containers[0].env[2].valueFrom: Invalid value: \"\": must specify one of: `fieldRef`, "
                        + "`resourceFieldRef`, `configMapKeyRef`, `secretKeyRef` or `fileKeyRef`",
                "spec.containers[0].env[3].valueFrom.configMapKeyRef.name: Invalid value: \"\": "
                        + Names.dns1123Subdomain("").get(0),
                "spec.containers[0].env[3].valueFrom.configMapKeyRef.key: Invalid value: \"a/b\": "
                        + Names.configMapKey("a/b").get(0),
                "spec.containers[0].env[4].valueFrom.secretKeyRef.name: Invalid value: \"Bad_Name\": "
                        + Names.dns1123Subdomain("Bad_Name").get(0),
                "spec.containers[0].envFrom[0]: Invalid value: \"\": must specify one of: `configMapRef` or `secretRef`",
                "spec.containers[0].envFrom[2].secretRef.name: Invalid value: \"Bad_Name\": "
                        + Names.dns1123Subdomain("Bad_Name").get(0));
    }

    @Test
    void envVarsReadPodFieldsAnEnvVarMayReadAndContainerResources() {
        assertThat(run(new EnvValueFromRule()).on(pod("""
                containers:
                  - name: a
                    image: a:1
                    env:
                      - {name: A, valueFrom: {fieldRef: {fieldPath: metadata.name}}}
                      - {name: B, valueFrom: {fieldRef: {fieldPath: "metadata.labels['app.kubernetes.io/name']"}}}
                      - {name: C, valueFrom: {fieldRef: {fieldPath: status.podIP}}}
                      - {name: D, valueFrom: {resourceFieldRef: {resource: limits.memory}}}
                      - {name: E, valueFrom: {resourceFieldRef: {resource: requests.hugepages-2Mi}}}
                """))).isEmpty();
        assertThat(run(new EnvValueFromRule()).on(pod("""
                containers:
                  - name: a
                    image: a:1
                    env:
                      - {name: A, valueFrom: {fieldRef: {fieldPath: metadata.labels}}}
                      - {name: B, valueFrom: {fieldRef: {fieldPath: metadata.nope}}}
                      - {name: C, valueFrom: {resourceFieldRef: {resource: limits.gpu}}}
                      - {name: D, valueFrom: {fieldRef: {fieldPath: "metadata.labels['bad key']"}}}
                """))).containsExactly(
                "spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Unsupported value: \"metadata.labels\": "
                        + "supported values: \"metadata.name\", \"metadata.namespace\", \"metadata.uid\", "
                        + "\"spec.nodeName\", \"spec.serviceAccountName\", \"status.hostIP\", \"status.hostIPs\", "
                        + "\"status.podIP\", \"status.podIPs\"",
                "spec.containers[0].env[1].valueFrom.fieldRef.fieldPath: Invalid value: \"metadata.nope\": "
                        + "error converting fieldPath: field label not supported: metadata.nope",
                "spec.containers[0].env[2].valueFrom.resourceFieldRef.resource: Unsupported value: \"limits.gpu\": "
                        + "supported values: \"limits.cpu\", \"limits.ephemeral-storage\", \"limits.memory\", "
                        + "\"requests.cpu\", \"requests.ephemeral-storage\", \"requests.memory\"",
                "spec.containers[0].env[3].valueFrom.fieldRef.fieldPath: Invalid value: \"metadata.labels['bad key']\": "
                        + Names.labelKey("bad key").get(0));
    }
}
