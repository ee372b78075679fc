package dev.manifestkit.validation.rules;

import static dev.manifestkit.validation.rules.ContainerRulesTest.deployment;
import static dev.manifestkit.validation.rules.ContainerRulesTest.pod;
import static dev.manifestkit.validation.rules.RuleHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.core.syntax.Quantity;

class ResourceRulesTest {


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
                "spec.template.spec.containers[0].resources.limits[memory]: Invalid value: \"1GB\": "
                        + "unknown suffix \"GB\" (expected one of Ki, Mi, Gi, Ti, Pi, Ei, n, u, m, k, M, G, T, P, E or an "
                        + "exponent like e3)",
                "spec.template.spec.volumes[0].emptyDir.sizeLimit: Invalid value: \"lots\": "
                        + "must start with a number, like 500m, 2Gi, 1.5 or 1e3");
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
                "spec.resources.requests[storage]: Invalid value: \"2 Gi\": " + quantityProblem("2 Gi"),
                "spec.capacity[storage]: Invalid value: \"2gi\": " + quantityProblem("2gi"),
                "spec.volumeClaimTemplates[0].spec.resources.limits[storage]: Invalid value: \"x\": "
                        + quantityProblem("x"));
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
                "spec.initContainers[0].resources.requests: Invalid value: \"2Gi\": must be less than or equal "
                        + "to memory limit of 1Gi",
                "spec.containers[0].resources.requests: Invalid value: \"2\": must be less than or equal to cpu "
                        + "limit of 1500m");
    }

    @Test
    void quantitiesInMessagesAreSpelledAsTheApiServerSpellsThem() {
        // Quantity.String(): the smallest whole mantissa in the written format, milli-units for fractions
        assertThat(run(new RequestsWithinLimitsRule()).on(pod("""
                containers:
                - {name: c, image: a:1, resources: {requests: {memory: 2048Mi, cpu: 1.5}, limits: {memory: 1024Mi, cpu: 1000m}}}
                """))).containsExactly(
                "spec.containers[0].resources.requests: Invalid value: \"2Gi\": must be less than or equal to memory "
                        + "limit of 1Gi",
                "spec.containers[0].resources.requests: Invalid value: \"1500m\": must be less than or equal to cpu "
                        + "limit of 1");
        assertThat(run(new QuantityRule()).on(pod("""
                containers: [{name: c, image: a:1, resources: {requests: {cpu: -0.5, memory: -1024Ki}}}]
                """))).containsExactly(
                "spec.containers[0].resources.requests[cpu]: Invalid value: \"-500m\": must be greater than or equal to 0",
                "spec.containers[0].resources.requests[memory]: Invalid value: \"-1Mi\": must be greater than or equal "
                        + "to 0");
    }

    @Test
    void extendedResourcesAndHugePagesAreNeverOvercommitted() {
        assertThat(run(new RequestsWithinLimitsRule()).on(pod("""
                containers: [{name: a, image: a:1, resources: {requests: {example.com/gpu: 1, hugepages-2Mi: 4Mi, cpu: 1},
                  limits: {example.com/gpu: "1", hugepages-2Mi: 4Mi}}}]
                """))).isEmpty();
        assertThat(run(new RequestsWithinLimitsRule()).on(pod("""
                containers: [{name: a, image: a:1, resources: {requests: {example.com/gpu: 1, hugepages-2Mi: 4Mi},
                  limits: {example.com/gpu: 2}}}]
                """))).containsExactly(
                "spec.containers[0].resources.requests: Invalid value: \"1\": must be equal to example.com/gpu limit of 2",
                "spec.containers[0].resources.limits: Required value: Limit must be set for non overcommitable resources");
    }

    @Test
    void containersNameResourcesTheClusterKnows() {
        assertThat(run(new ContainerResourcesRule()).on(pod("""
                containers: [{name: a, image: a:1, resources: {requests: {cpu: 1, memory: 1Gi, ephemeral-storage: 1Gi,
                  hugepages-1Gi: 2Gi, example.com/gpu: 2, nvidia.com/gpu: "1"}}}]
                """))).isEmpty();
        assertThat(run(new ContainerResourcesRule()).on(pod("""
                containers: [{name: a, image: a:1, resources: {requests: {cpus: 1, storage: 1Gi, example.com/gpu: 500m,
                  hugepages-2Mi: 3Mi}, limits: {bad name/x: 1, kubernetes.io/thing: 1, hugepages-2Mi: 3Mi}}}]
                """))).containsExactly(
                "spec.containers[0].resources.limits[bad name/x]: Invalid value: \"bad name/x\": "
                        + dev.manifestkit.core.syntax.Names.qualifiedName("bad name/x").get(0),
                "spec.containers[0].resources.limits[bad name/x]: Invalid value: \"bad name/x\": "
                        + "doesn't follow extended resource name standard",
                "spec.containers[0].resources.limits[hugepages-2Mi]: Invalid value: \"3Mi\": 3Mi is not positive "
                        + "integer multiple of hugepages-2Mi",
                "spec.containers[0].resources.requests[cpus]: Invalid value: \"cpus\": must be a standard resource "
                        + "type or fully qualified",
                "spec.containers[0].resources.requests[cpus]: Invalid value: \"cpus\": must be a standard resource "
                        + "for containers",
                "spec.containers[0].resources.requests[storage]: Invalid value: \"storage\": must be a standard "
                        + "resource for containers",
                "spec.containers[0].resources.requests[example.com/gpu]: Invalid value: \"500m\": must be an integer",
                "spec.containers[0].resources.requests[hugepages-2Mi]: Invalid value: \"3Mi\": 3Mi is not positive "
                        + "integer multiple of hugepages-2Mi",
                "spec.containers[0].resources: Forbidden: HugePages require cpu or memory");
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
    void claimsRequestMoreThanNothingFromANamedDataSource() {
        assertThat(run(new StorageRequestRule()).on("""
                kind: PersistentVolumeClaim
                metadata: {name: c}
                spec: {resources: {requests: {storage: 0Gi}}, dataSource: {kind: PersistentVolumeClaim, name: ""}}
                """)).containsExactly("spec.resources[storage]: Invalid value: \"0\": must be greater than zero",
                "spec.dataSource.name: Required value");
    }

    @Test
    void aClaimsDataSourceOutsideTheCoreGroupNamesItsGroup() {
        String claim = """
                kind: PersistentVolumeClaim
                metadata: {name: c}
                spec: {resources: {requests: {storage: 1Gi}}, dataSource: %s}
                """;
        assertThat(run(new StorageRequestRule()).on(claim.formatted("{kind: PersistentVolumeClaim, name: src}") + "---\n"
                + claim.formatted("{apiGroup: snapshot.storage.k8s.io, kind: VolumeSnapshot, name: snap}"))).isEmpty();
        // without a dataSourceRef, the API server drops a dataSource that is neither a claim nor a VolumeSnapshot
        assertThat(run(new StorageRequestRule()).on(claim.formatted("{kind: VolumeSnapshot, name: snap}") + "---\n"
                + claim.formatted("{apiGroup: Snapshot_Storage, kind: VolumeSnapshot, name: snap}"))).isEmpty();
    }

    @Test
    void aClaimsDataSourceRefFollowsTheSameRulesAndMatchesItsDataSource() {
        String claim = """
                kind: PersistentVolumeClaim
                metadata: {name: c}
                spec: {resources: {requests: {storage: 1Gi}}, %s}
                """;
        assertThat(run(new StorageRequestRule()).on(
                claim.formatted("dataSourceRef: {apiGroup: example.com, kind: Populator, name: p}") + "---\n"
                        + claim.formatted("dataSource: {kind: PersistentVolumeClaim, name: src}, "
                        + "dataSourceRef: {kind: PersistentVolumeClaim, name: src}"))).isEmpty();
        assertThat(run(new StorageRequestRule()).on(
                claim.formatted("dataSourceRef: {kind: Populator, name: \"\"}") + "---\n"
                        + claim.formatted("dataSource: {kind: PersistentVolumeClaim, name: a}, "
                        + "dataSourceRef: {kind: PersistentVolumeClaim, name: b}") + "---\n"
                        // a dataSourceRef into another namespace is dropped (an alpha feature), and so is the
                        // dataSource that is no claim or snapshot
                        + claim.formatted("dataSource: {kind: Populator, name: a}, "
                        + "dataSourceRef: {kind: Populator, name: a, namespace: Other_Namespace}")))
                .containsExactly(
                        "spec.dataSourceRef.name: Required value",
                        "spec.dataSourceRef: Invalid value: \"Populator\": must be 'PersistentVolumeClaim' when "
                                + "referencing the default apiGroup",
                        "spec: Invalid value: spec.dataSource: must match dataSourceRef");
    }

    @Test
    void persistentVolumesHoldSomethingAndNeverRecycleTheNodesRoot() {
        assertThat(run(new PersistentVolumeCapacityRule()).on("""
                kind: PersistentVolume
                metadata: {name: v}
                spec: {capacity: {storage: 1Gi}, hostPath: {path: /srv/data}, persistentVolumeReclaimPolicy: Recycle}
                """)).isEmpty();
        assertThat(run(new PersistentVolumeCapacityRule()).on("""
                kind: PersistentVolume
                metadata: {name: v}
                spec: {capacity: {storage: 0}, hostPath: {path: /srv/..//.}, persistentVolumeReclaimPolicy: Recycle}
                """)).containsExactly("spec.capacity[storage]: Invalid value: \"0\": must be greater than zero",
                "spec.persistentVolumeReclaimPolicy: Forbidden: may not be 'recycle' for a hostPath mount of '/'");
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
                provisioner: ""
                ---
                kind: StorageClass
                metadata: {name: medium}
                parameters: {type: gp3}
                ---
                kind: StorageClass
                metadata: {name: slow}
                provisioner: "my provisioner"
                """)).containsExactly("provisioner: Required value",
                "provisioner: Invalid value: \"my provisioner\": " + Names.qualifiedName("my provisioner").get(0));
    }

    private static String quantityProblem(String text) {
        return Quantity.problem(text);
    }

    @Test
    void storageClassParametersAreBoundedAndTopologyTermsWellFormed() {
        assertThat(run(new StorageClassFieldsRule()).on("""
                kind: StorageClass
                metadata: {name: fast}
                provisioner: ebs.csi.aws.com
                parameters: {type: gp3, iops: "3000"}
                allowedTopologies:
                  - matchLabelExpressions: [{key: topology.kubernetes.io/zone, values: [eu-west-1a, eu-west-1b]}]
                  - matchLabelExpressions: [{key: topology.kubernetes.io/zone, values: [eu-west-1c]}]
                """)).isEmpty();
        assertThat(run(new StorageClassFieldsRule()).on("""
                kind: StorageClass
                metadata: {name: fast}
                provisioner: ebs.csi.aws.com
                parameters: {"": x, big: %s}
                allowedTopologies:
                  - matchLabelExpressions:
                      - {key: "bad key", values: [a, a]}
                      - {key: "bad key", values: []}
                  - matchLabelExpressions: [{key: zone, values: [a]}]
                  - matchLabelExpressions: [{key: zone, values: [a]}]
                """.formatted("x".repeat(256 * 1024)))).containsExactly(
                "parameters: Invalid value: \"\": field can not be empty.",
                "parameters: Too long: must have at most 262144 bytes",
                "allowedTopologies[0].matchLabelExpressions[0].values[1]: Duplicate value: \"a\"",
                "allowedTopologies[0].matchLabelExpressions[0].key: Invalid value: \"bad key\": "
                        + Names.qualifiedName("bad key").get(0),
                "allowedTopologies[0].matchLabelExpressions[1].values: Required value",
                "allowedTopologies[0].matchLabelExpressions[1].key: Invalid value: \"bad key\": "
                        + Names.qualifiedName("bad key").get(0),
                "allowedTopologies[0].matchLabelExpressions[1].key: Duplicate value: \"bad key\"",
                "allowedTopologies[2].matchLabelExpressions: Duplicate value: \"\"");
        var many = new StringBuilder("kind: StorageClass\nmetadata: {name: many}\nprovisioner: p.example.com\nparameters:\n");
        for (int i = 0; i <= 512; i++) {
            many.append("  k").append(i).append(": v\n");
        }
        assertThat(run(new StorageClassFieldsRule()).on(many.toString()))
                .containsExactly("parameters: Too long: must have at most 512 items");
    }

    @Test
    void dataSourcesTheApiServerDropsAreWorthAWarning() {
        String claim = """
                kind: PersistentVolumeClaim
                metadata: {name: c}
                spec: {resources: {requests: {storage: 1Gi}}, %s}
                """;
        assertThat(run(new DroppedDataSourceRule()).on(
                claim.formatted("dataSource: {apiGroup: snapshot.storage.k8s.io, kind: VolumeSnapshot, name: s}")
                        + "---\n" + claim.formatted("dataSource: {kind: PersistentVolumeClaim, name: src}")
                        + "---\n" + claim.formatted("dataSourceRef: {apiGroup: example.com, kind: Populator, name: p}")))
                .isEmpty();
        assertThat(run(new DroppedDataSourceRule()).on(
                claim.formatted("dataSource: {kind: VolumeSnapshot, name: s}") + "---\n"
                        + claim.formatted("dataSourceRef: {kind: PersistentVolumeClaim, name: src, namespace: other}")))
                .containsExactly(
                        "spec.dataSource: Advice: \"VolumeSnapshot\": the API server drops a dataSource that is neither "
                                + "a PersistentVolumeClaim nor a VolumeSnapshot (apiGroup snapshot.storage.k8s.io) unless "
                                + "dataSourceRef is set; the volume would start empty",
                        "spec.dataSourceRef.namespace: Advice: \"other\": the API server drops a dataSourceRef into "
                                + "another namespace unless the alpha feature CrossNamespaceVolumeDataSource is on; the "
                                + "volume would start empty");
    }
}
