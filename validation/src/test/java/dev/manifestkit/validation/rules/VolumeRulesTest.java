package dev.manifestkit.validation.rules;

import static dev.manifestkit.validation.rules.ContainerRulesTest.deployment;
import static dev.manifestkit.validation.rules.ContainerRulesTest.pod;
import static dev.manifestkit.validation.rules.RuleHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.manifestkit.core.syntax.Names;

class VolumeRulesTest {

    @Test
    void volumeNamesAreNonEmptyDnsLabels() {
        assertThat(run(new VolumeNameRule()).on(pod("volumes: [{name: data, emptyDir: {}}]"))).isEmpty();
        assertThat(run(new VolumeNameRule()).on(pod("volumes: [{name: \"\", emptyDir: {}}, {name: my_data, emptyDir: {}}, {emptyDir: {}}]")))
                .containsExactly("spec.volumes[0].name: Required value",
                        "spec.volumes[1].name: Invalid value: \"my_data\": " + Names.dns1123Label("my_data").get(0));
    }

    @Test
    void volumeNamesAreUnique() {
        assertThat(run(new UniqueVolumeNamesRule()).on(pod("volumes: [{name: a, emptyDir: {}}, {name: b, emptyDir: {}}]")))
                .isEmpty();
        assertThat(run(new UniqueVolumeNamesRule()).on(deployment("""
                volumes: [{name: data, emptyDir: {}}, {name: data, secret: {secretName: s}}]
                containers: []
                """))).containsExactly("spec.template.spec.volumes[1].name: Duplicate value: \"data\"");
    }

    @Test
    void onlyPrivilegedContainersPropagateMountsBothWays() {
        assertThat(run(new VolumeMountRule()).on(pod("""
                volumes: [{name: data, emptyDir: {}}]
                containers: [{name: a, image: a:1, securityContext: {privileged: true},
                  volumeMounts: [{name: data, mountPath: /data, mountPropagation: Bidirectional}]}]
                """))).isEmpty();
        assertThat(run(new VolumeMountRule()).on(pod("""
                volumes: [{name: data, emptyDir: {}}]
                containers: [{name: a, image: a:1,
                  volumeMounts: [{name: data, mountPath: /a, mountPropagation: Bidirectional},
                    {name: data, mountPath: /b, mountPropagation: HostToContainer}]}]
                """))).containsExactly("spec.containers[0].volumeMounts[0].mountPropagation: Forbidden: "
                + "Bidirectional mount propagation is available only to privileged containers");
    }

    @Test
    void mountsNameDeclaredVolumes() {
        assertThat(run(new VolumeMountRule()).on(pod("""
                volumes: [{name: data, emptyDir: {}}]
                containers: [{name: a, image: a:1, volumeMounts: [{name: data, mountPath: /data}]}]
                """))).isEmpty();
        assertThat(run(new VolumeMountRule()).on(deployment("""
                volumes: [{name: cache, emptyDir: {}}]
                containers:
                  - name: a
                    image: a:1
                    volumeMounts: [{name: data, mountPath: /data}, {name: cache, mountPath: /data}, {name: "", mountPath: /x}]
                """))).containsExactly(
                "spec.template.spec.containers[0].volumeMounts[0].name: Not found: \"data\"",
                "spec.template.spec.containers[0].volumeMounts[1].mountPath: Invalid value: \"/data\": must be unique",
                "spec.template.spec.containers[0].volumeMounts[2].name: Required value");
    }

    @Test
    void statefulSetMountsMayNameClaimTemplates() {
        var statefulSet = """
                kind: StatefulSet
                metadata: {name: db}
                spec:
                  template:
                    spec:
                      containers: [{name: a, image: a:1, volumeMounts: [{name: data, mountPath: /data}]}]
                  volumeClaimTemplates: [{metadata: {name: %s}}]
                """;
        assertThat(run(new VolumeMountRule()).on(statefulSet.formatted("data"))).isEmpty();
        assertThat(run(new VolumeMountRule()).on(statefulSet.formatted("other")))
                .containsExactly("spec.template.spec.containers[0].volumeMounts[0].name: Not found: \"data\"");
    }

    @Test
    void persistentVolumesHaveExactlyOneSourceAndPodVolumesAtMostOne() {
        // a pod volume without a source is defaulted to an emptyDir; a null source is no source
        assertThat(run(new VolumeSourceRule()).on(pod("""
                volumes: [{name: a, configMap: {name: c}}, {name: b}, {name: c, emptyDir: null}, {name: d, secret: null, emptyDir: {}}]
                """))).isEmpty();
        assertThat(run(new VolumeSourceRule()).on(pod("""
                volumes: [{name: b, emptyDir: {}, hostPath: {path: /x}}]
                """))).containsExactly("spec.volumes[0].hostPath: Forbidden: may not specify more than 1 volume type");
        assertThat(run(new VolumeSourceRule()).on("""
                kind: PersistentVolume
                metadata: {name: pv}
                spec: {capacity: {storage: 1Gi}}
                """)).containsExactly("spec: Required value: must specify a volume type");
    }

    @Test
    void localPersistentVolumesSayWhichNodesHoldThem() {
        String pinned = """
                kind: PersistentVolume
                metadata: {name: pv}
                spec:
                  local: {path: /mnt/disk}
                  nodeAffinity:
                    required:
                      nodeSelectorTerms: [{matchExpressions: [{key: kubernetes.io/hostname, operator: In, values: [n1]}]}]
                """;
        assertThat(run(new VolumeSourceRule()).on(pinned)).isEmpty();
        assertThat(run(new VolumeSourceRule()).on("""
                kind: PersistentVolume
                metadata: {name: pv}
                spec: {local: {path: /mnt/disk}}
                """)).containsExactly("spec.nodeAffinity: Required value: Local volume requires node affinity");
        assertThat(run(new VolumeSourceRule()).on("""
                kind: PersistentVolume
                metadata: {name: pv}
                spec: {hostPath: {path: /mnt/disk}, nodeAffinity: {}}
                """)).containsExactly("spec.nodeAffinity.required: Required value: must specify required node constraints");
    }

    @Test
    void nfsPathsAreAbsoluteAndSubPathsRelative() {
        assertThat(run(new VolumePathsRule()).on(pod("""
                volumes: [{name: a, hostPath: {path: /var/log}}, {name: b, nfs: {server: nfs, path: /exports}}]
                containers: [{name: c, image: a:1, volumeMounts: [{name: a, mountPath: /l, subPath: app/logs}]}]
                """))).isEmpty();
        assertThat(run(new VolumePathsRule()).on(pod("""
                volumes: [{name: a, hostPath: {path: var/../log}}, {name: b, nfs: {server: "", path: exports}}]
                containers: [{name: c, image: a:1, volumeMounts: [{name: a, mountPath: /l, subPath: /abs},
                  {name: a, mountPath: /m, subPath: x, subPathExpr: $(POD_NAME)}, {name: a, mountPath: /n, subPathExpr: ../$(POD_NAME)}]}]
                """))).containsExactly(
                "spec.volumes[0].hostPath.path: Invalid value: \"var/../log\": must not contain '..'",
                "spec.volumes[1].nfs.server: Required value",
                "spec.volumes[1].nfs.path: Invalid value: \"exports\": must be an absolute path",
                "spec.containers[0].volumeMounts[0].subPath: Invalid value: \"/abs\": must be a relative path",
                "spec.containers[0].volumeMounts[1].subPathExpr: Invalid value: \"$(POD_NAME)\": subPathExpr and subPath are "
                        + "mutually exclusive",
                "spec.containers[0].volumeMounts[2].subPathExpr: Invalid value: \"../$(POD_NAME)\": must not contain '..'");
    }

    @Test
    void filesOfConfigMapSecretAndProjectedVolumesStayInsideWithPermissionModes() {
        assertThat(run(new VolumePathsRule()).on(pod("""
                volumes:
                  - {name: a, configMap: {name: c, defaultMode: 0644, items: [{key: k, path: conf/app.yaml, mode: 0400}]}}
                  - {name: b, secret: {secretName: s, defaultMode: 511, items: [{key: k, path: ..data-not-a-backstep/x}]}}
                  - {name: d, projected: {sources: [{downwardAPI: {items: [{path: labels, fieldRef: {fieldPath: metadata.labels}}]}}]}}
                containers: [{name: c, image: a:1}]
                """))).as("..data-not-a-backstep starts with '..' but is no backstep").containsExactly(
                "spec.volumes[1].secret.items[0].path: Invalid value: \"..data-not-a-backstep/x\": must not start with '..'");
        assertThat(run(new VolumePathsRule()).on(pod("""
                volumes:
                  - {name: a, configMap: {name: c, defaultMode: 999, items: [{key: k, path: /etc/app.yaml}, {key: l, path: ""}]}}
                  - {name: b, secret: {secretName: s, items: [{key: k, path: a/../../b, mode: -1}]}}
                  - {name: d, projected: {defaultMode: 1000, sources: [{configMap: {name: c, items: [{key: k, path: ../x}]}}]}}
                containers: [{name: c, image: a:1}]
                """))).containsExactly(
                "spec.volumes[0].configMap.defaultMode: Invalid value: 999: must be a number between 0 and 0777 (octal), both inclusive",
                "spec.volumes[0].configMap.items[0].path: Invalid value: \"/etc/app.yaml\": must be a relative path",
                "spec.volumes[0].configMap.items[1].path: Required value",
                "spec.volumes[1].secret.items[0].path: Invalid value: \"a/../../b\": must not contain '..'",
                "spec.volumes[1].secret.items[0].mode: Invalid value: -1: must be a number between 0 and 0777 (octal), both inclusive",
                "spec.volumes[2].projected.defaultMode: Invalid value: 1000: must be a number between 0 and 0777 (octal), both inclusive",
                "spec.volumes[2].projected.sources[0].configMap.items[0].path: Invalid value: \"../x\": must not contain '..'");
    }

    @Test
    void persistentVolumeHostPathsAreGivenAndStayInside() {
        assertThat(run(new VolumePathsRule()).on("""
                kind: PersistentVolume
                metadata: {name: pv}
                spec: {local: {path: mnt/disk}}
                """)).as("the API server takes a relative local path").isEmpty();
        assertThat(run(new VolumePathsRule()).on("""
                kind: PersistentVolume
                metadata: {name: pv}
                spec: {local: {path: /mnt/../etc}}
                ---
                kind: PersistentVolume
                metadata: {name: pv2}
                spec: {hostPath: {path: ""}}
                """)).containsExactly("spec.local.path: Invalid value: \"/mnt/../etc\": must not contain '..'",
                "spec.hostPath.path: Required value");
    }

    @Test
    void secretConfigMapAndClaimVolumesNameTheirObjectAndKeys() {
        assertThat(run(new VolumeSourceRule()).on(pod("""
                volumes:
                  - {name: a, secret: {secretName: s, items: [{key: k, path: p}]}}
                  - {name: b, projected: {sources: [{configMap: {name: c}}]}}
                  - {name: c, persistentVolumeClaim: {claimName: data}}
                """))).isEmpty();
        assertThat(run(new VolumeSourceRule()).on(pod("""
                volumes:
                  - {name: a, secret: {items: [{key: "", path: p}]}}
                  - {name: b, configMap: {name: ""}}
                  - {name: c, persistentVolumeClaim: {claimName: ""}}
                  - {name: d, projected: {sources: [{secret: {}}]}}
                """))).containsExactly("spec.volumes[0].secret.secretName: Required value",
                "spec.volumes[0].secret.items[0].key: Required value",
                "spec.volumes[1].configMap.name: Required value",
                "spec.volumes[2].persistentVolumeClaim.claimName: Required value",
                "spec.volumes[3].projected.sources[0].secret.name: Required value");
    }

    @Test
    void blockDevicesComeFromClaimsAndShareNothingWithMounts() {
        assertThat(run(new VolumeMountRule()).on(pod("""
                volumes:
                  - {name: disk, persistentVolumeClaim: {claimName: disk}}
                  - {name: scratch, ephemeral: {volumeClaimTemplate: {spec: {accessModes: [ReadWriteOnce],
                      volumeMode: Block, resources: {requests: {storage: 1Gi}}}}}}
                  - {name: config, emptyDir: {}}
                containers:
                  - name: a
                    image: a:1
                    volumeDevices: [{name: disk, devicePath: /dev/xvda}, {name: scratch, devicePath: /dev/xvdb}]
                    volumeMounts: [{name: config, mountPath: /etc/a}]
                """))).isEmpty();
        assertThat(run(new VolumeMountRule()).on(pod("""
                volumes:
                  - {name: disk, persistentVolumeClaim: {claimName: disk}}
                  - {name: config, emptyDir: {}}
                containers:
                  - name: a
                    image: a:1
                    volumeDevices:
                      - {name: missing, devicePath: /dev/a}
                      - {name: config, devicePath: /dev/a}
                      - {name: disk, devicePath: /dev/../b}
                      - {name: disk, devicePath: ""}
                    volumeMounts: [{name: disk, mountPath: /dev/a}]
                """))).containsExactly(
                "spec.containers[0].volumeDevices[0].name: Not found: \"missing\"",
                "spec.containers[0].volumeDevices[1].name: Invalid value: \"config\": "
                        + "can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode",
                "spec.containers[0].volumeDevices[1].devicePath: Invalid value: \"/dev/a\": must be unique",
                "spec.containers[0].volumeDevices[2].devicePath: Invalid value: \"/dev/../b\": "
                        + "can not contain backsteps ('..')",
                "spec.containers[0].volumeDevices[3].name: Invalid value: \"disk\": must be unique",
                "spec.containers[0].volumeDevices[3].devicePath: Required value",
                "spec.containers[0].volumeMounts[0].name: Invalid value: \"disk\": must not already exist in volumeDevices",
                "spec.containers[0].volumeMounts[0].mountPath: Invalid value: \"/dev/a\": "
                        + "must not already exist as a path in volumeDevices");
    }

    @Test
    void ephemeralVolumesHaveAClaimTemplateCheckedAsAClaim() {
        var volumes = pod("""
                volumes:
                  - {name: none, ephemeral: {}}
                  - name: scratch
                    ephemeral:
                      volumeClaimTemplate:
                        spec: {accessModes: [], storageClassName: Fast_SSD, resources: {requests: {storage: "0"}}}
                containers: [{name: a, image: a:1}]
                """);
        assertThat(run(new VolumeSourceRule()).on(volumes))
                .containsExactly("spec.volumes[0].ephemeral.volumeClaimTemplate: Required value");
        assertThat(run(new AccessModesRule()).on(volumes)).containsExactly(
                "spec.volumes[1].ephemeral.volumeClaimTemplate.spec.accessModes: Required value: "
                        + "at least 1 access mode is required");
        assertThat(run(new StorageRequestRule()).on(volumes)).containsExactly(
                "spec.volumes[1].ephemeral.volumeClaimTemplate.spec.resources[storage]: Invalid value: \"0\": "
                        + "must be greater than zero");
        assertThat(run(new ReferenceNamesRule()).on(volumes)).singleElement().asString()
                .startsWith("spec.volumes[1].ephemeral.volumeClaimTemplate.spec.storageClassName: Invalid value: \"Fast_SSD\"");
    }

    @Test
    void downwardApiFilesReadOnePodFieldOrANamedContainersResource() {
        assertThat(run(new DownwardApiFilesRule()).on(pod("""
                containers: [{name: a, image: a:1}]
                volumes:
                  - name: info
                    downwardAPI:
                      items:
                        - {path: labels, fieldRef: {fieldPath: metadata.labels}}
                        - {path: app, fieldRef: {fieldPath: "metadata.annotations['example.com/app']"}}
                        - {path: cpu, resourceFieldRef: {containerName: a, resource: limits.cpu, divisor: 1m}}
                        - {path: pages, resourceFieldRef: {containerName: a, resource: requests.hugepages-2Mi}}
                """))).isEmpty();
        assertThat(run(new DownwardApiFilesRule()).on(pod("""
                containers: [{name: a, image: a:1}]
                volumes:
                  - name: info
                    downwardAPI:
                      items:
                        - {path: node, fieldRef: {fieldPath: spec.nodeName}}
                        - {path: bad, fieldRef: {fieldPath: metadata.nope}}
                        - {path: cpu, resourceFieldRef: {resource: limits.cpu}}
                        - {path: cpus, resourceFieldRef: {containerName: a, resource: limits.cpus}}
                        - {path: none}
                        - {path: both, fieldRef: {fieldPath: metadata.name}, resourceFieldRef: {containerName: a, resource: limits.cpu}}
                  - name: projected
                    projected: {sources: [{downwardAPI: {items: [{path: ip, fieldRef: {fieldPath: status.podIP}}]}}]}
                """))).containsExactly(
                "spec.volumes[0].downwardAPI.items[0].fieldRef.fieldPath: Unsupported value: \"spec.nodeName\": "
                        + "supported values: \"metadata.annotations\", \"metadata.labels\", \"metadata.name\", "
                        + "\"metadata.namespace\", \"metadata.uid\"",
                "spec.volumes[0].downwardAPI.items[1].fieldRef.fieldPath: Invalid value: \"metadata.nope\": "
                        + "error converting fieldPath: field label not supported: metadata.nope",
                "spec.volumes[0].downwardAPI.items[2].resourceFieldRef.containerName: Required value",
                "spec.volumes[0].downwardAPI.items[3].resourceFieldRef.resource: Unsupported value: \"limits.cpus\": "
                        + "supported values: \"limits.cpu\", \"limits.ephemeral-storage\", \"limits.memory\", "
                        + "\"requests.cpu\", \"requests.ephemeral-storage\", \"requests.memory\"",
                "spec.volumes[0].downwardAPI.items[4]: Required value: one of fieldRef and resourceFieldRef is required",
                "spec.volumes[0].downwardAPI.items[5]: Invalid value: \"resource\": "
                        + "fieldRef and resourceFieldRef can not be specified simultaneously",
                "spec.volumes[1].projected.sources[0].downwardAPI.items[0].fieldRef.fieldPath: Unsupported value: "
                        + "\"status.podIP\": supported values: \"metadata.annotations\", \"metadata.labels\", "
                        + "\"metadata.name\", \"metadata.namespace\", \"metadata.uid\"");
    }

    @Test
    void csiVolumesNameTheirDriverAndTheSecretsTheyPass() {
        assertThat(run(new VolumeSourceRule()).on(pod("""
                containers: [{name: a, image: a:1}]
                volumes:
                  - {name: inline, csi: {driver: Inline.Storage.Example.COM, nodePublishSecretRef: {name: creds}}}
                """) + """
                ---
                kind: PersistentVolume
                metadata: {name: v}
                spec:
                  capacity: {storage: 1Gi}
                  accessModes: [ReadWriteOnce]
                  csi: {driver: ebs.csi.aws.com, volumeHandle: vol-1, nodeStageSecretRef: {name: creds, namespace: storage}}
                """)).isEmpty();
        String longDriver = "d".repeat(64);
        assertThat(run(new VolumeSourceRule()).on(pod("""
                containers: [{name: a, image: a:1}]
                volumes:
                  - {name: inline, csi: {driver: "bad driver", nodePublishSecretRef: {name: ""}}}
                """) + """
                ---
                kind: PersistentVolume
                metadata: {name: v}
                spec:
                  capacity: {storage: 1Gi}
                  accessModes: [ReadWriteOnce]
                  csi: {driver: %s, volumeHandle: "", controllerPublishSecretRef: {name: Creds}}
                """.formatted(longDriver))).containsExactly(
                "spec.volumes[0].csi.driver: Invalid value: \"bad driver\": " + Names.dns1123Subdomain("bad driver").get(0),
                "spec.volumes[0].csi.nodePublishSecretRef.name: Required value",
                "spec.csi.driver: Too long: must have at most 63 bytes",
                "spec.csi.volumeHandle: Required value",
                "spec.csi.controllerPublishSecretRef.name: Invalid value: \"Creds\": "
                        + Names.dns1123Subdomain("Creds").get(0),
                "spec.csi.controllerPublishSecretRef.namespace: Required value");
    }

    @Test
    void inTreeSourcesGiveWhatTheirPluginsNeed() {
        assertThat(run(new VolumeSourceRule()).on(pod("""
                containers: [{name: a, image: a:1}]
                volumes:
                  - {name: git, gitRepo: {repository: "https://x/y.git", directory: "."}}
                  - {name: eui, iscsi: {targetPortal: "1.2.3.4:3260", iqn: eui.02004567A425678D, lun: 255,
                     initiatorName: "iqn.2001-04.com.example:node1", chapAuthSession: true, secretRef: {name: chap}}}
                  - {name: naa, iscsi: {targetPortal: "1.2.3.4:3260", iqn: naa.%s, lun: 0}}
                  - {name: fc, fc: {targetWWNs: ["500a0982991b8dc5"], lun: 0}}
                  - {name: wwid, fc: {wwids: ["3600508b400105e210000900000490000"]}}
                  - {name: blob, azureDisk: {diskName: d, diskURI: "https://a.blob.core.windows.net/c/d.vhd"}}
                  - {name: managed, azureDisk: {diskName: d, diskURI: "/subscriptions/s/resourceGroups/g/providers/Microsoft.Compute/disks/d",
                     kind: Managed, cachingMode: None}}
                  - {name: flex, flexVolume: {driver: example.com/nfs, options: {mykubernetes.io/x: "1", size: "2"}}}
                """.formatted("6".repeat(32))))).isEmpty();
        assertThat(run(new VolumeSourceRule()).on(pod("""
                containers: [{name: a, image: a:1}]
                volumes:
                  - {name: git, gitRepo: {repository: "", directory: /x/../y}}
                  - {name: iscsi, iscsi: {targetPortal: "", iqn: foo, lun: 256, chapAuthDiscovery: true, initiatorName: iqn.bad}}
                  - {name: iqn, iscsi: {targetPortal: "1.2.3.4:3260", iqn: "iqn.2001-04.com.example", lun: -1}}
                  - {name: fc, fc: {targetWWNs: ["500a0982991b8dc5"], wwids: ["36005"]}}
                  - {name: nofc, fc: {fsType: ext4}}
                  - {name: disk, azureDisk: {diskName: "", diskURI: "/subscriptions/s", cachingMode: Foo, kind: managed}}
                  - {name: flex, flexVolume: {driver: "", options: {kubernetes.io/x: "1", Foo.K8s.IO: "2"}}}
                """))).containsExactly(
                "spec.volumes[0].gitRepo.repository: Required value",
                "spec.volumes[0].gitRepo.directory: Invalid value: \"/x/../y\": must be a relative path",
                "spec.volumes[0].gitRepo.directory: Invalid value: \"/x/../y\": must not contain '..'",
                "spec.volumes[1].iscsi.targetPortal: Required value",
                "spec.volumes[1].iscsi.iqn: Invalid value: \"foo\": must be valid format starting with iqn, eui, or naa",
                "spec.volumes[1].iscsi.lun: Invalid value: 256: must be between 0 and 255, inclusive",
                "spec.volumes[1].iscsi.secretRef: Required value",
                "spec.volumes[1].iscsi.initiatorname: Invalid value: \"iqn.bad\": must be valid format",
                "spec.volumes[2].iscsi.iqn: Invalid value: \"iqn.2001-04.com.example\": must be valid format",
                "spec.volumes[2].iscsi.lun: Invalid value: -1: must be between 0 and 255, inclusive",
                "spec.volumes[3].fc.targetWWNs: Invalid value: [\"500a0982991b8dc5\"]: targetWWNs and wwids can not be "
                        + "specified simultaneously",
                "spec.volumes[3].fc.lun: Required value: lun is required if targetWWNs is specified",
                "spec.volumes[4].fc.targetWWNs: Required value: must specify either targetWWNs or wwids, but not both",
                "spec.volumes[5].azureDisk.diskName: Required value",
                "spec.volumes[5].azureDisk.cachingMode: Unsupported value: \"Foo\": supported values: \"None\", "
                        + "\"ReadOnly\", \"ReadWrite\"",
                "spec.volumes[5].azureDisk.kind: Unsupported value: \"managed\": supported values: \"Dedicated\", "
                        + "\"Managed\", \"Shared\"",
                "spec.volumes[5].azureDisk.diskURI: Unsupported value: \"/subscriptions/s\": supported values: "
                        + "\"https://{account-name}.blob.core.windows.net/{container-name}/{disk-name}.vhd\"",
                "spec.volumes[6].flexVolume.driver: Required value",
                "spec.volumes[6].flexVolume.options[kubernetes.io/x]: Invalid value: \"kubernetes.io/x\": "
                        + "kubernetes.io and k8s.io namespaces are reserved",
                "spec.volumes[6].flexVolume.options[Foo.K8s.IO]: Invalid value: \"Foo.K8s.IO\": "
                        + "kubernetes.io and k8s.io namespaces are reserved");
    }

    @Test
    void anIscsiInitiatorNameKeepsTheIfaceNameShort() {
        String portal = "p".repeat(60);
        assertThat(run(new VolumeSourceRule()).on(pod("""
                containers: [{name: a, image: a:1}]
                volumes:
                  - {name: abc, iscsi: {targetPortal: %s, iqn: "iqn.2001-04.com.example:s", initiatorName: "iqn.2001-04.com.example:n"}}
                  - {name: abcd, iscsi: {targetPortal: %s, iqn: "iqn.2001-04.com.example:s", initiatorName: "iqn.2001-04.com.example:n"}}
                """.formatted(portal, portal)) + """
                ---
                kind: PersistentVolume
                metadata: {name: abcd}
                spec:
                  capacity: {storage: 1Gi}
                  accessModes: [ReadWriteOnce]
                  iscsi: {targetPortal: %s, iqn: "iqn.2001-04.com.example:s", initiatorName: naa.1, secretRef: {namespace: d}}
                """.formatted(portal))).containsExactly(
                "spec.volumes[1].name: Invalid value: \"abcd\": Total length of <volume name>:<iscsi.targetPortal> must "
                        + "be under 64 characters if iscsi.initiatorName is specified.",
                "spec.iscsi.secretRef.name: Required value",
                "spec.iscsi.initiatorname: Invalid value: \"naa.1\": must be valid format",
                "spec.iscsi.targetportal: Invalid value: \"%s\": Total length of <volume name>:<iscsi.targetPortal> "
                        .formatted(portal) + "must be under 64 characters if iscsi.initiatorName is specified.");
    }

    @Test
    void onlyVolumeTypesThatMountWithOptionsTakeTheMountOptionsAnnotation() {
        String volume = """
                kind: PersistentVolume
                metadata:
                  name: v
                  annotations: {volume.beta.kubernetes.io/mount-options: "hard,nfsvers=4.1"}
                spec:
                  capacity: {storage: 1Gi}
                  accessModes: [ReadWriteOnce]
                """;
        assertThat(run(new VolumeSourceRule()).on(volume + "  nfs: {server: nfs.example.com, path: /exports/a}\n"))
                .isEmpty();
        assertThat(run(new VolumeSourceRule()).on(volume + "  hostPath: {path: /mnt/data}\n")).containsExactly(
                "metadata.annotations[volume.beta.kubernetes.io/mount-options]: Forbidden: may not specify mount options "
                        + "for this volume type");
    }

    @Test
    void seLinuxChangePolicyIsRecursiveWhileTheSELinuxMountGateIsOff() {
        String pod = pod("""
                securityContext: {seLinuxChangePolicy: MountOption}
                containers: [{name: a, image: a:1}]
                """);
        assertThat(run(new SupportedValuesRule()).on(pod)).containsExactly(
                "spec.securityContext.seLinuxChangePolicy: Unsupported value: \"MountOption\": supported values: "
                        + "\"Recursive\"");
        assertThat(run(new SupportedValuesRule()).version("1.36").on(pod)).isEmpty();
        assertThat(run(new SupportedValuesRule()).on(pod.replace("MountOption", "Recursive"))).isEmpty();
    }
}
