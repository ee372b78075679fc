package dev.manifestkit.validation.rules;

import static dev.manifestkit.validation.rules.ContainerRulesTest.deployment;
import static dev.manifestkit.validation.rules.ContainerRulesTest.pod;
import static dev.manifestkit.validation.rules.RuleHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.manifestkit.core.syntax.Names;

/** The older in-tree volume sources, image volumes, and a PersistentVolume's own quirks. */
class InTreeSourcesTest {

    private static String persistentVolume(String source) {
        return """
                kind: PersistentVolume
                metadata: {name: pv}
                spec:
                  capacity: {storage: 1Gi}
                  accessModes: [ReadWriteOnce]
                """ + source.indent(2);
    }

    @Test
    void wellFormedInTreeSourcesPass() {
        assertThat(run(new VolumeSourceRule()).on(pod("""
                containers: [{name: a, image: a:1}]
                volumes:
                  - {name: gce, gcePersistentDisk: {pdName: d, partition: 0}}
                  - {name: ebs, awsElasticBlockStore: {volumeID: v, partition: 255}}
                  - {name: rbd, rbd: {monitors: ["1.2.3.4:6789"], image: i}}
                  - {name: quobyte, quobyte: {registry: "[fd00::1]:7861,q.example.com:", volume: v}}
                  - {name: flocker, flocker: {datasetUUID: "1"}}
                  - {name: storageos, storageos: {volumeName: vol, volumeNamespace: ns, secretRef: {name: s}}}
                  - {name: scaleio, scaleIO: {gateway: g, system: s, volumeName: v, secretRef: {name: s}}}
                  - {name: image, image: {reference: "quay.io/x/y:1", pullPolicy: ""}}
                """))).isEmpty();
    }

    @Test
    void inTreeSourcesGiveWhatTheirPluginsNeed() {
        assertThat(run(new VolumeSourceRule()).on(pod("""
                containers: [{name: a, image: a:1}]
                volumes:
                  - {name: gce, gcePersistentDisk: {pdName: "", partition: 256}}
                  - {name: ebs, awsElasticBlockStore: {volumeID: "", partition: -1}}
                  - {name: rbd, rbd: {monitors: [], image: ""}}
                  - {name: cephfs, cephfs: {monitors: []}}
                  - {name: cinder, cinder: {volumeID: "", secretRef: {}}}
                  - {name: gluster, glusterfs: {endpoints: "", path: ""}}
                  - {name: azure, azureFile: {secretName: "", shareName: ""}}
                  - {name: vsphere, vsphereVolume: {volumePath: ""}}
                  - {name: photon, photonPersistentDisk: {pdID: ""}}
                  - {name: portworx, portworxVolume: {volumeID: ""}}
                  - {name: scaleio, scaleIO: {gateway: "", system: "", secretRef: {name: s}}}
                """))).containsExactly(
                "spec.volumes[0].persistentDisk.pdName: Required value",
                "spec.volumes[0].persistentDisk.partition: Invalid value: 256: must be between 1 and 255, inclusive",
                "spec.volumes[1].awsElasticBlockStore.volumeID: Required value",
                "spec.volumes[1].awsElasticBlockStore.partition: Invalid value: -1: must be between 1 and 255, inclusive",
                "spec.volumes[2].rbd.monitors: Required value",
                "spec.volumes[2].rbd.image: Required value",
                "spec.volumes[3].cephfs.monitors: Required value",
                "spec.volumes[4].cinder.volumeID: Required value",
                "spec.volumes[4].cinder.secretRef.name: Required value",
                "spec.volumes[5].glusterfs.endpoints: Required value",
                "spec.volumes[5].glusterfs.path: Required value",
                "spec.volumes[6].azureFile.secretName: Required value",
                "spec.volumes[6].azureFile.shareName: Required value",
                "spec.volumes[7].vsphereVolume.volumePath: Required value",
                "spec.volumes[8].photonPersistentDisk.pdID: Required value",
                "spec.volumes[9].portworxVolume.volumeID: Required value",
                "spec.volumes[10].scaleIO.gateway: Required value",
                "spec.volumes[10].scaleIO.system: Required value",
                "spec.volumes[10].scaleIO.volumeName: Required value");
    }

    @Test
    void quobyteFlockerAndStorageOsNameThingsTheirWay() {
        assertThat(run(new VolumeSourceRule()).on(pod("""
                containers: [{name: a, image: a:1}]
                volumes:
                  - {name: q1, quobyte: {registry: "", volume: ""}}
                  - {name: q2, quobyte: {registry: "a:1", tenant: "%s", volume: v}}
                  - {name: q3, quobyte: {registry: "a,b:1,c::1", volume: v}}
                  - {name: f1, flocker: {}}
                  - {name: f2, flocker: {datasetName: a/b, datasetUUID: "1"}}
                  - {name: s1, storageos: {volumeNamespace: "a.b", secretRef: {name: ""}}}
                  - {name: s2, storageos: {volumeName: Vol_1}}
                """.formatted("t".repeat(65))))).containsExactly(
                "spec.volumes[0].quobyte.registry: Required value: must be a host:port pair or multiple pairs "
                        + "separated by commas",
                "spec.volumes[0].quobyte.volume: Required value",
                "spec.volumes[1].quobyte.tenant: Required value: must be a UUID and may not exceed a length of 64 "
                        + "characters",
                "spec.volumes[2].quobyte.registry: Invalid value: \"a,b:1,c::1\": must be a host:port pair or "
                        + "multiple pairs separated by commas",
                "spec.volumes[2].quobyte.registry: Invalid value: \"a,b:1,c::1\": must be a host:port pair or "
                        + "multiple pairs separated by commas",
                "spec.volumes[3].flocker: Required value: one of datasetName and datasetUUID is required",
                "spec.volumes[4].flocker: Invalid value: \"resource\": datasetName and datasetUUID can not be "
                        + "specified simultaneously",
                "spec.volumes[4].flocker.datasetName: Invalid value: \"a/b\": must not contain '/'",
                "spec.volumes[5].storageos.volumeName: Required value",
                "spec.volumes[5].storageos.volumeNamespace: Invalid value: \"a.b\": " + Names.dns1123Label("a.b").get(0),
                "spec.volumes[5].storageos.secretRef.name: Required value",
                "spec.volumes[6].storageos.volumeName: Invalid value: \"Vol_1\": " + Names.dns1123Label("Vol_1").get(0));
    }

    @Test
    void hostPortPairsAreReadAsGoSplitsThem() {
        assertThat(InTreeSources.isHostPort("host:7861")).isTrue();
        assertThat(InTreeSources.isHostPort("host:")).isTrue();
        assertThat(InTreeSources.isHostPort("[::1]:7861")).isTrue();
        assertThat(InTreeSources.isHostPort("")).isFalse();
        assertThat(InTreeSources.isHostPort("host")).isFalse();
        assertThat(InTreeSources.isHostPort("::1:7861")).isFalse();
        assertThat(InTreeSources.isHostPort("[::1]")).isFalse();
        assertThat(InTreeSources.isHostPort("[::1]x:1")).isFalse();
        assertThat(InTreeSources.isHostPort("a[b:1")).isFalse();
    }

    @Test
    void aPersistentVolumesSecretsNameTheirNamespace() {
        assertThat(run(new VolumeSourceRule()).on(persistentVolume("""
                cinder: {volumeID: v, secretRef: {name: s, namespace: default}}
                """))).isEmpty();
        assertThat(run(new VolumeSourceRule()).on(persistentVolume("""
                cinder: {volumeID: v, secretRef: {name: s}}
                """) + "---\n" + persistentVolume("""
                storageos: {volumeName: v, secretRef: {namespace: ""}}
                """) + "---\n" + persistentVolume("""
                azureFile: {secretName: s, shareName: sh, secretNamespace: ""}
                """))).containsExactly(
                "spec.cinder.secretRef.namespace: Required value",
                "spec.storageos.secretRef.name: Required value",
                "spec.storageos.secretRef.namespace: Required value",
                "spec.azureFile.secretNamespace: Required value");
    }

    @Test
    void aPersistentVolumesGlusterfsEndpointsNamespaceIsANamespaceName() {
        assertThat(run(new VolumeSourceRule()).on(persistentVolume("""
                glusterfs: {endpoints: ep, path: p, endpointsNamespace: storage}
                """))).isEmpty();
        assertThat(run(new VolumeSourceRule()).on(persistentVolume("""
                glusterfs: {endpoints: ep, path: p, endpointsNamespace: ""}
                """) + "---\n" + persistentVolume("""
                glusterfs: {endpoints: ep, path: p, endpointsNamespace: Storage}
                """))).containsExactly(
                "spec.glusterfs.endpointsNamespace: Invalid value: \"\": if the endpointnamespace is set, it must be "
                        + "a valid namespace name",
                "spec.glusterfs.endpointsNamespace: Invalid value: \"Storage\": "
                        + Names.dns1123Label("Storage").get(0));
    }

    @Test
    void imageVolumesHaveAKnownPullPolicyAndInAPodAReference() {
        assertThat(run(new VolumeSourceRule()).on(pod("""
                containers: [{name: a, image: a:1}]
                volumes:
                  - {name: i1, image: {pullPolicy: IfNotPresent}}
                  - {name: i2, image: {reference: "", pullPolicy: always}}
                """))).containsExactly(
                "spec.volumes[0].image.reference: Required value",
                "spec.volumes[1].image.reference: Required value",
                "spec.volumes[1].image.pullPolicy: Unsupported value: \"always\": supported values: \"Always\", "
                        + "\"IfNotPresent\", \"Never\"");
        // a template's reference may be filled in later, by whatever manages the workload
        assertThat(run(new VolumeSourceRule()).on(deployment("""
                containers: [{name: a, image: a:1}]
                volumes: [{name: i, image: {pullPolicy: Never}}]
                """))).isEmpty();
    }

    @Test
    void aPersistentVolumesFlexVolumeMayFollowAnotherSourceButNotPrecedeOne() {
        assertThat(run(new VolumeSourceRule()).on(persistentVolume("""
                hostPath: {path: /data}
                flexVolume: {driver: example.com/flex}
                """))).isEmpty();
        assertThat(run(new VolumeSourceRule()).on(persistentVolume("""
                flexVolume: {driver: example.com/flex}
                csi: {driver: csi.example.com, volumeHandle: h}
                """))).containsExactly("spec.csi: Forbidden: may not specify more than 1 volume type");
        assertThat(run(new VolumeSourceRule()).on(persistentVolume("""
                nfs: {server: s, path: /e}
                hostPath: {path: /data}
                """))).containsExactly("spec.nfs: Forbidden: may not specify more than 1 volume type");
    }

    @Test
    void aPersistentVolumesAttributesClassIsNotEmpty() {
        assertThat(run(new ReferenceNamesRule()).on(persistentVolume("""
                csi: {driver: csi.example.com, volumeHandle: h}
                volumeAttributesClassName: ""
                """) + "---\n" + persistentVolume("""
                nfs: {server: s, path: /e}
                volumeAttributesClassName: ""
                """))).containsExactly(
                "spec.volumeAttributesClassName: Required value: an empty string is disallowed",
                "spec.volumeAttributesClassName: Required value: an empty string is disallowed",
                "spec.csi: Required value: has to be specified when using volumeAttributesClassName");
    }

    @Test
    void aClaimsAmountsButItsStorageRequestNeedOnlyParse() {
        var claim = """
                kind: PersistentVolumeClaim
                metadata: {name: c}
                spec:
                  accessModes: [ReadWriteOnce]
                  resources:
                    requests: {storage: 1Gi, cpu: "-1"}
                    limits: {storage: %s}
                """;
        assertThat(run(new QuantityRule()).on(claim.formatted("-1Gi"))).isEmpty();
        assertThat(run(new QuantityRule()).on(claim.formatted("1GB"))).hasSize(1)
                .allMatch(message -> message.startsWith("spec.resources.limits[storage]: Invalid value: \"1GB\""));
    }
}
