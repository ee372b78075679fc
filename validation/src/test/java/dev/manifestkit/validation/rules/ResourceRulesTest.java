package dev.manifestkit.validation.rules;

import static dev.manifestkit.validation.rules.ContainerRulesTest.deployment;
import static dev.manifestkit.validation.rules.ContainerRulesTest.pod;
import static dev.manifestkit.validation.rules.RuleHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResourceRulesTest {

    private static final String QUANTITY = "quantities must match the regular expression "
            + "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

    @Test
    void containerQuantitiesParse() {
        assertThat(run(new QuantityRule()).on(pod("""
                containers: [{name: a, image: a:1, resources: {requests: {cpu: 100m, memory: 1e9}, limits: {cpu: 2}}}]
                volumes: [{name: v, emptyDir: {sizeLimit: 1Gi}}]
                """))).isEmpty();
        assertThat(run(new QuantityRule()).on(deployment("""
                containers: [{name: a, image: a:1, resources: {requests: {cpu: "-1"}, limits: {memory: 1GB}}}]
                volumes: [{name: v, emptyDir: {sizeLimit: lots}}]
                """))).containsExactly(
                "spec.template.spec.containers[0].resources.requests[cpu]: Invalid value: \"-1\": must be greater than "
                        + "or equal to 0",
                "spec.template.spec.containers[0].resources.limits[memory]: Invalid value: \"1GB\": " + QUANTITY,
                "spec.template.spec.volumes[0].emptyDir.sizeLimit: Invalid value: \"lots\": " + QUANTITY);
    }

    @Test
    void claimAndVolumeQuantitiesParse() {
        assertThat(run(new QuantityRule()).on("""
                kind: PersistentVolumeClaim
                metadata: {name: c}
                spec: {resources: {requests: {storage: 2 Gi}}}
                ---
                kind: PersistentVolume
                metadata: {name: v}
                spec: {capacity: {storage: 2gi}}
                ---
                kind: StatefulSet
                metadata: {name: s}
                spec: {volumeClaimTemplates: [{spec: {resources: {limits: {storage: x}}}}]}
                """)).containsExactly(
                "spec.resources.requests[storage]: Invalid value: \"2 Gi\": " + QUANTITY,
                "spec.capacity[storage]: Invalid value: \"2gi\": " + QUANTITY,
                "spec.volumeClaimTemplates[0].spec.resources.limits[storage]: Invalid value: \"x\": " + QUANTITY);
    }

    @Test
    void requestsStayWithinLimits() {
        assertThat(run(new RequestsWithinLimitsRule()).on(pod("""
                containers: [{name: a, image: a:1, resources: {requests: {cpu: 500m, memory: 1Gi}, limits: {cpu: "1", memory: 1024Mi}}}]
                """))).isEmpty();
        assertThat(run(new RequestsWithinLimitsRule()).on(pod("""
                initContainers: [{name: i, image: a:1, resources: {requests: {memory: 2Gi}, limits: {memory: 1Gi}}}]
                containers: [{name: a, image: a:1, resources: {requests: {cpu: "2"}, limits: {cpu: 1500m}}}]
                """))).containsExactly(
                "spec.initContainers[0].resources.requests[memory]: Invalid value: \"2Gi\": must be less than or equal "
                        + "to memory limit of 1Gi",
                "spec.containers[0].resources.requests[cpu]: Invalid value: \"2\": must be less than or equal to cpu "
                        + "limit of 1500m");
    }

    @Test
    void claimsListSupportedAccessModes() {
        assertThat(run(new AccessModesRule()).on("""
                kind: PersistentVolumeClaim
                metadata: {name: c}
                spec: {accessModes: [ReadWriteOnce, ReadOnlyMany]}
                """)).isEmpty();
        assertThat(run(new AccessModesRule()).on("""
                kind: PersistentVolumeClaim
                metadata: {name: c}
                spec: {resources: {requests: {storage: 1Gi}}}
                ---
                kind: PersistentVolume
                metadata: {name: v}
                spec: {accessModes: [ReadWriteAll]}
                ---
                kind: StatefulSet
                metadata: {name: s}
                spec: {volumeClaimTemplates: [{spec: {accessModes: [ReadWriteOncePod, ReadWriteOnce]}}]}
                """)).containsExactly(
                "spec.accessModes: Required value: at least 1 access mode is required",
                "spec.accessModes: Unsupported value: \"ReadWriteAll\": supported values: \"ReadOnlyMany\", "
                        + "\"ReadWriteMany\", \"ReadWriteOnce\", \"ReadWriteOncePod\"",
                "spec.volumeClaimTemplates[0].spec.accessModes: Forbidden: may not use ReadWriteOncePod with other "
                        + "access modes");
    }

    @Test
    void claimsRequestStorage() {
        assertThat(run(new StorageRequestRule()).on("""
                kind: PersistentVolumeClaim
                metadata: {name: c}
                spec: {resources: {requests: {storage: 1Gi}}}
                """)).isEmpty();
        assertThat(run(new StorageRequestRule()).on("""
                kind: PersistentVolumeClaim
                metadata: {name: c}
                spec: {accessModes: [ReadWriteOnce]}
                ---
                kind: StatefulSet
                metadata: {name: s}
                spec: {volumeClaimTemplates: [{spec: {resources: {requests: {cpu: 1}}}}]}
                """)).containsExactly("spec.resources[storage]: Required value",
                "spec.volumeClaimTemplates[0].spec.resources[storage]: Required value");
    }

    @Test
    void persistentVolumesStateStorageCapacityOnly() {
        assertThat(run(new PersistentVolumeCapacityRule()).on("""
                kind: PersistentVolume
                metadata: {name: v}
                spec: {capacity: {storage: 1Gi}}
                """)).isEmpty();
        assertThat(run(new PersistentVolumeCapacityRule()).on("""
                kind: PersistentVolume
                metadata: {name: v}
                spec: {accessModes: [ReadWriteOnce]}
                ---
                kind: PersistentVolume
                metadata: {name: w}
                spec: {capacity: {storage: 1Gi, cpu: 1}}
                """)).containsExactly("spec.capacity: Required value",
                "spec.capacity: Unsupported value: [\"storage\", \"cpu\"]: supported values: \"storage\"");
    }

    @Test
    void storageClassesNameAQualifiedProvisioner() {
        assertThat(run(new StorageClassProvisionerRule()).on("""
                kind: StorageClass
                metadata: {name: fast}
                provisioner: kubernetes.io/no-provisioner
                """)).isEmpty();
        assertThat(run(new StorageClassProvisionerRule()).on("""
                kind: StorageClass
                metadata: {name: fast}
                parameters: {type: gp3}
                ---
                kind: StorageClass
                metadata: {name: slow}
                provisioner: "my provisioner"
                """)).containsExactly("provisioner: Required value",
                "provisioner: Invalid value: \"my provisioner\": name part must consist of alphanumeric characters, "
                        + "'-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or "
                        + "'my.name',  or '123-abc', regex used for validation is "
                        + "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')");
    }
}
