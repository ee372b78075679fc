package dev.manifestkit.validation.rules;

import static dev.manifestkit.validation.rules.ContainerRulesTest.pod;
import static dev.manifestkit.validation.rules.RuleHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.manifestkit.core.syntax.Names;

/** Smaller API-server checks: attribute class names, a pod's OS and overhead, field selector versions. */
class ClassNamesAndPodFieldsTest {

    @Test
    void volumeAttributesClassesAreNamedAndOnPersistentVolumesNeedCsi() {
        assertThat(run(new ReferenceNamesRule()).on("""
                kind: PersistentVolume
                metadata: {name: v}
                spec: {capacity: {storage: 1Gi}, csi: {driver: d.example.com, volumeHandle: h}, volumeAttributesClassName: gold}
                ---
                kind: PersistentVolumeClaim
                metadata: {name: c}
                spec: {resources: {requests: {storage: 1Gi}}, volumeAttributesClassName: gold}
                """)).isEmpty();
        assertThat(run(new ReferenceNamesRule()).on("""
                kind: PersistentVolume
                metadata: {name: v}
                spec: {capacity: {storage: 1Gi}, hostPath: {path: /mnt}, volumeAttributesClassName: gold}
                ---
                kind: PersistentVolumeClaim
                metadata: {name: c}
                spec: {resources: {requests: {storage: 1Gi}}, volumeAttributesClassName: Bad_Class}
                """)).containsExactly(
                "spec.csi: Required value: has to be specified when using volumeAttributesClassName",
                "spec.volumeAttributesClassName: Invalid value: \"Bad_Class\": " + Names.dns1123Subdomain("Bad_Class").get(0));
    }

    @Test
    void aPodRunsOnLinuxOrWindowsAndItsOverheadNamesResources() {
        assertThat(run(new SupportedValuesRule()).on(pod("os: {name: darwin}\ncontainers: [{name: a, image: a:1}]")))
                .containsExactly("spec.os.name: Unsupported value: \"darwin\": supported values: \"linux\", \"windows\"");
        assertThat(run(new ContainerResourcesRule()).on(pod("overhead: {cpu: 250m, foo: \"1\"}\ncontainers: [{name: a, image: a:1}]")))
                .containsExactly(
                        "spec.overhead[foo]: Invalid value: \"foo\": must be a standard resource type or fully qualified",
                        "spec.overhead[foo]: Invalid value: \"foo\": must be a standard resource for containers");
    }

    @Test
    void fieldSelectorsReadPodsOfVersionV1Only() {
        var pod = pod("""
                containers:
                  - name: a
                    image: a:1
                    env:
                      - {name: A, valueFrom: {fieldRef: {apiVersion: v1, fieldPath: metadata.name}}}
                      - {name: B, valueFrom: {fieldRef: {apiVersion: v2, fieldPath: metadata.name}}}
                volumes:
                  - {name: info, downwardAPI: {items: [{path: n, fieldRef: {apiVersion: v2, fieldPath: metadata.name}}]}}
                """);
        assertThat(run(new EnvValueFromRule()).on(pod)).containsExactly(
                "spec.containers[0].env[1].valueFrom.fieldRef.fieldPath: Invalid value: \"metadata.name\": error "
                        + "converting fieldPath: unsupported pod version: v2");
        assertThat(run(new DownwardApiFilesRule()).on(pod)).containsExactly(
                "spec.volumes[0].downwardAPI.items[0].fieldRef.fieldPath: Invalid value: \"metadata.name\": error "
                        + "converting fieldPath: unsupported pod version: v2");
    }
}
