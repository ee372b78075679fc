package dev.manifestkit.dsl;

import static dev.manifestkit.dsl.K8s.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StorageTest {

    private static PersistentVolumeBuilder manualVolume() {
        return persistentVolume("database-pv").capacity("2Gi").readWriteOnce().storageClassName("manual")
                .hostPath("/mnt/data").reclaimPolicy(ReclaimPolicy.RETAIN);
    }

    @Test
    void accessModesAccumulateEachOnceInTheOrderFirstGiven() {
        var claim = persistentVolumeClaim("data").readWriteOnce().readOnlyMany()
                .accessModes(AccessMode.READ_WRITE_ONCE, AccessMode.READ_WRITE_MANY).request("1Gi").build();
        assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany");
    }

    @Test
    void boundToSetsVolumeNameAndTheVolumesClass() {
        var claim = persistentVolumeClaim("data").readWriteOnce().request("2Gi").boundTo(manualVolume()).build();

        assertThat(claim.getSpec().getVolumeName()).isEqualTo("database-pv");
        assertThat(claim.getSpec().getStorageClassName()).isEqualTo("manual");
    }

    @Test
    void boundToAVolumeWithoutClassAsksForTheEmptyClassSoTheDefaultClassIsNotFilledIn() {
        var volume = persistentVolume("pv").capacity("1Gi").readWriteOnce().nfs("nfs.example.com", "/exports/a");
        var claim = persistentVolumeClaim("data").readWriteOnce().request("1Gi").boundTo(volume).build();

        assertThat(claim.getSpec().getStorageClassName()).isEmpty();
    }

    @Test
    void aBoundClaimMustFitTheVolume() {
        var tooBig = persistentVolumeClaim("data").readWriteOnce().request("5Gi").boundTo(manualVolume());
        var wrongMode = persistentVolumeClaim("data").readWriteMany().request("1Gi").boundTo(manualVolume());

        assertThatThrownBy(tooBig::build).hasMessage("PersistentVolumeClaim/data: spec.resources.requests[storage]: "
                + "Invalid value: \"5Gi\": exceeds the capacity 2Gi of PersistentVolume/database-pv");
        assertThatThrownBy(wrongMode::build).hasMessage("PersistentVolumeClaim/data: spec.accessModes: Invalid value: "
                + "\"ReadWriteMany\": PersistentVolume/database-pv does not offer this access mode");
    }

    @Test
    void dynamicProvisioningNamesTheStorageClassObject() {
        var fast = storageClass("fast").provisioner("ebs.csi.aws.com").parameter("type", "gp3")
                .reclaimPolicy(ReclaimPolicy.DELETE).volumeBindingMode(VolumeBindingMode.WAIT_FOR_FIRST_CONSUMER)
                .allowVolumeExpansion();
        var claim = persistentVolumeClaim("data").readWriteOnce().request("20Gi").storageClass(fast).build();
        var built = fast.build();

        assertThat(claim.getSpec().getStorageClassName()).isEqualTo("fast");
        assertThat(claim.getSpec().getVolumeName()).isNull();
        assertThat(built.getApiVersion()).isEqualTo("storage.k8s.io/v1");
        assertThat(built.getVolumeBindingMode()).isEqualTo("WaitForFirstConsumer");
        assertThat(built.getAllowVolumeExpansion()).isTrue();
        assertThat(built.getParameters()).containsEntry("type", "gp3");
    }

    @Test
    void aStorageClassNeedsAProvisioner() {
        assertThatThrownBy(() -> storageClass("fast").build())
                .hasMessage("StorageClass/fast: provisioner: Required value: call provisioner(…)");
    }

    @Test
    void aPersistentVolumeNeedsCapacityModesAndExactlyOneSource() {
        assertThatThrownBy(() -> persistentVolume("pv").readWriteOnce().hostPath("/d").build())
                .hasMessage("PersistentVolume/pv: spec.capacity: Required value: call capacity(…)");
        assertThatThrownBy(() -> persistentVolume("pv").capacity("1Gi").readWriteOnce().build())
                .hasMessageStartingWith("PersistentVolume/pv: spec: Required value: must specify a volume type");
        assertThatThrownBy(() -> persistentVolume("pv").hostPath("/d").nfs("nfs", "/e"))
                .hasMessage("PersistentVolume/pv: spec.nfs: Forbidden: may not specify more than 1 volume type (already hostPath)");
    }

    @Test
    void aLocalVolumeIsPinnedToItsNode() {
        var pv = persistentVolume("local").capacity("100Gi").readWriteOnce().local("/mnt/disks/ssd1", "node-1").build();

        var term = pv.getSpec().getNodeAffinity().getRequired().getNodeSelectorTerms().get(0).getMatchExpressions().get(0);
        assertThat(term.getKey()).isEqualTo("kubernetes.io/hostname");
        assertThat(term.getValues()).containsExactly("node-1");
        assertThat(pv.getSpec().getLocal().getPath()).isEqualTo("/mnt/disks/ssd1");
    }

    @Test
    void csiVolumesAndBlockMode() {
        var pv = persistentVolume("ebs").capacity("10Gi").readWriteOnce().csi("ebs.csi.aws.com", "vol-0abc").blockMode()
                .build();

        assertThat(pv.getSpec().getCsi().getDriver()).isEqualTo("ebs.csi.aws.com");
        assertThat(pv.getSpec().getVolumeMode()).isEqualTo("Block");
    }

    @Test
    void aClaimNeedsAccessModesAndARequest() {
        assertThatThrownBy(() -> persistentVolumeClaim("c").request("1Gi").build())
                .hasMessage("PersistentVolumeClaim/c: spec.accessModes: Required value: call readWriteOnce() or accessModes(…)");
        assertThatThrownBy(() -> persistentVolumeClaim("c").readWriteOnce().build())
                .hasMessage("PersistentVolumeClaim/c: spec.resources[storage]: Required value: call request(…)");
    }

    @Test
    void podVolumesFromConfigMapsSecretsAndMemory() {
        var config = configMap("nginx-conf").literal("nginx.conf", "events {}");
        var certs = secret("certs").literal("ca.crt", "-----BEGIN CERTIFICATE-----");
        var pod = pod("p").container(container("app", "nginx:1.27")
                .mount(volume(config), "/etc/nginx", readOnly())
                .mount(volume(certs), "/etc/certs", readOnly())
                .mount(memoryEmptyDir("cache", "64Mi"), "/cache")
                .mount(emptyDir("tmp", "1Gi").named("scratch"), "/tmp")).build();

        var volumes = pod.getSpec().getVolumes();
        assertThat(volumes).extracting(v -> v.getName()).containsExactly("nginx-conf", "certs", "cache", "scratch");
        assertThat(volumes.get(0).getConfigMap().getName()).isEqualTo("nginx-conf");
        assertThat(volumes.get(1).getSecret().getSecretName()).isEqualTo("certs");
        assertThat(volumes.get(2).getEmptyDir().getMedium()).isEqualTo("Memory");
        assertThat(volumes.get(2).getEmptyDir().getSizeLimit().toString()).isEqualTo("64Mi");
    }

    @Test
    void subPathsStayInsideTheVolume() {
        assertThatThrownBy(() -> subPath("../etc")).hasMessage("mount: subPath: Invalid value: \"../etc\": must not contain '..'");
        assertThatThrownBy(() -> subPath("/abs")).hasMessage("mount: subPath: Invalid value: \"/abs\": must be a relative path");
    }

    @Test
    void aVolumeFromAnObjectWhoseNameIsNoLabelIsRenamedOrRejectedWithThePodPath() {
        var certs = secret("certs.example.com").literal("ca.crt", "-----BEGIN CERTIFICATE-----");
        var rejected = pod("p").container(container("app", "nginx:1.27").mount(volume(certs), "/etc/certs"));
        var renamed = pod("p").container(container("app", "nginx:1.27").mount(volume(certs).named("certs"), "/etc/certs"));

        assertThatThrownBy(rejected::build).hasMessageStartingWith(
                "Pod/p: spec.volumes[0].name: Invalid value: \"certs.example.com\": must not contain dots");
        assertThat(renamed.build().getSpec().getVolumes().get(0).getSecret().getSecretName()).isEqualTo("certs.example.com");
        assertThatThrownBy(() -> emptyDir("Cache")).hasMessageStartingWith("volume \"Cache\": name: Invalid value: \"Cache\"");
    }

    @Test
    void configMapAndSecretVolumesProjectChosenKeysWithAFileMode() {
        var config = configMap("kv").literal("kv.conf", "a = 1").literal("log.conf", "level=info");
        var certs = secret("certs").literal("ca.crt", "-----BEGIN CERTIFICATE-----");
        var yaml = manifests(pod("p").container(container("app", "nginx:1.27")
                .mount(volume(config, item("log.conf", "conf.d/log.conf"), defaultMode(0440)), "/etc/kv")
                .mount(volume(certs, defaultMode(0400)), "/etc/certs", readOnly()))).toYaml();

        assertThat(yaml).contains("""
                  volumes:
                  - configMap:
                      defaultMode: 288
                      items:
                      - key: log.conf
                        path: conf.d/log.conf
                      name: kv
                    name: kv
                  - name: certs
                    secret:
                      defaultMode: 256
                      secretName: certs
                """);
    }

    @Test
    void aVolumeItemNamesAKeyTheObjectHasAndStaysInsideTheVolume() {
        var config = configMap("kv").literal("kv.conf", "a = 1");

        assertThatThrownBy(() -> volume(config, item("kv.yaml", "kv.yaml")))
                .hasMessage("ConfigMap/kv: data[kv.yaml]: Not found: \"kv.yaml\": the ConfigMap's keys are [kv.conf]");
        assertThatThrownBy(() -> volume(existingSecret("db", "password"), item("user", "user")))
                .hasMessage("Secret/db: data[user]: Not found: \"user\": the Secret's keys are [password]");
        assertThatThrownBy(() -> item("kv.conf", "../kv.conf"))
                .hasMessage("volume item: path: Invalid value: \"../kv.conf\": must not contain '..'");
        assertThatThrownBy(() -> defaultMode(01000))
                .hasMessage("volume: defaultMode: Invalid value: 512: must be a number between 0 and 0777 (octal), both inclusive");
    }

    @Test
    void aHostPathVolumeCarriesTheTypeTheKubeletChecksBeforeThePodStarts() {
        var yaml = manifests(pod("p").container(container("agent", "ghcr.io/acme/agent:1.0")
                        .mount(hostPath("containerd", "/run/containerd/containerd.sock", HostPathType.SOCKET),
                                "/run/containerd/containerd.sock")
                        .mount(hostPath("cache", "/var/cache/agent", HostPathType.DIRECTORY_OR_CREATE), "/cache")),
                persistentVolume("local-data").capacity("1Gi").readWriteOnce()
                        .hostPath("/mnt/data", HostPathType.DIRECTORY)).toYaml();

        assertThat(yaml).contains("""
                  volumes:
                  - hostPath:
                      path: /run/containerd/containerd.sock
                      type: Socket
                    name: containerd
                  - hostPath:
                      path: /var/cache/agent
                      type: DirectoryOrCreate
                    name: cache
                """).contains("""
                  hostPath:
                    path: /mnt/data
                    type: Directory
                """);
        assertThatThrownBy(() -> hostPath("dev", "dev/fuse", HostPathType.CHAR_DEVICE))
                .hasMessage("volume \"dev\": hostPath.path: Invalid value: \"dev/fuse\": must be an absolute path");
        assertThatThrownBy(() -> hostPath("dev", "/dev/fuse", null))
                .hasMessage("volume \"dev\": hostPath.type: Required value: must not be null");
    }

    @Test
    void aProjectedVolumeWritesATokenKeysAndPodFieldsIntoOneDirectory() {
        var config = configMap("vault-agent").literal("agent.hcl", "auto_auth {}").literal("unused", "x");
        var ca = existingSecret("vault-ca", "ca.crt");
        var identity = projected("identity", defaultMode(0440),
                serviceAccountToken("token", 3600, "vault"),
                projection(config, item("agent.hcl", "config/agent.hcl")),
                projection(ca),
                projection(fieldItem("labels", "metadata.labels"), fieldItem("name", podName())));
        var yaml = manifests(pod("p").container(container("app", "ghcr.io/acme/app:1.0")
                .mount(identity, "/var/run/identity", readOnly()))).toYaml();

        assertThat(yaml).contains("""
                  volumes:
                  - name: identity
                    projected:
                      defaultMode: 288
                      sources:
                      - serviceAccountToken:
                          audience: vault
                          expirationSeconds: 3600
                          path: token
                      - configMap:
                          items:
                          - key: agent.hcl
                            path: config/agent.hcl
                          name: vault-agent
                      - secret:
                          name: vault-ca
                      - downwardAPI:
                          items:
                          - fieldRef:
                              fieldPath: metadata.labels
                            path: labels
                          - fieldRef:
                              fieldPath: metadata.name
                            path: name
                """);
    }

    @Test
    void aTokenWithoutAudienceAndAProjectedVolumeWithoutModeWriteOnlyWhatWasAsked() {
        var yaml = manifests(pod("p").container(container("app", "ghcr.io/acme/app:1.0")
                .mount(projected("token", serviceAccountToken("token", 600)), "/var/run/token"))).toYaml();

        assertThat(yaml).contains("""
                  volumes:
                  - name: token
                    projected:
                      sources:
                      - serviceAccountToken:
                          expirationSeconds: 600
                          path: token
                """);
    }

    @Test
    void projectionsAreCheckedAtOnceAsTheApiServerChecksThem() {
        var config = configMap("kv").literal("kv.conf", "a = 1");

        assertThatThrownBy(() -> projection(config, item("kv.yaml", "kv.yaml")))
                .hasMessage("ConfigMap/kv: data[kv.yaml]: Not found: \"kv.yaml\": the ConfigMap's keys are [kv.conf]");
        assertThatThrownBy(() -> projection(existingSecret("db", "password"), item("user", "user")))
                .hasMessage("Secret/db: data[user]: Not found: \"user\": the Secret's keys are [password]");
        assertThatThrownBy(() -> serviceAccountToken("token", 599))
                .hasMessage("projection: serviceAccountToken.expirationSeconds: Invalid value: 599: "
                        + "may not specify a duration less than 10 minutes");
        assertThatThrownBy(() -> serviceAccountToken("token", (1L << 32) + 1))
                .hasMessage("projection: serviceAccountToken.expirationSeconds: Invalid value: 4294967297: "
                        + "may not specify a duration larger than 2^32 seconds");
        assertThatThrownBy(() -> serviceAccountToken("/token", 3600))
                .hasMessage("projection: serviceAccountToken.path: Invalid value: \"/token\": must be a relative path");
        assertThatThrownBy(() -> projection(config, defaultMode(0440)))
                .hasMessage("projection: configMap.defaultMode: Forbidden: a projected volume sets one defaultMode "
                        + "for all its sources: projected(name, defaultMode(…), sources…)");
        assertThatThrownBy(() -> projected("identity", item("kv.conf", "kv.conf"), projection(config)))
                .hasMessage("volume \"identity\": projected.defaultMode: Forbidden: items belong to a source: "
                        + "projection(configMap, item(…)); here only defaultMode(…)");
        assertThatThrownBy(() -> projected("identity", serviceAccountToken("kv.conf", 3600),
                projection(config, item("kv.conf", "kv.conf"))))
                .hasMessage("volume \"identity\": projected.sources[1].configMap.items[0].path: Invalid value: "
                        + "\"kv.conf\": conflicting duplicate paths");
    }

    @Test
    void aDownwardApiVolumeWritesPodFieldsAsFiles() {
        var yaml = manifests(pod("p").container(container("app", "ghcr.io/acme/app:1.0")
                .mount(downwardApi("podinfo", fieldItem("labels", "metadata.labels"),
                        fieldItem("team", "metadata.annotations['example.com/team']"),
                        fieldItem("namespace", podNamespace()), defaultMode(0444)), "/etc/podinfo"))).toYaml();

        assertThat(yaml).contains("""
                  volumes:
                  - downwardAPI:
                      defaultMode: 292
                      items:
                      - fieldRef:
                          fieldPath: metadata.labels
                        path: labels
                      - fieldRef:
                          fieldPath: metadata.annotations['example.com/team']
                        path: team
                      - fieldRef:
                          fieldPath: metadata.namespace
                        path: namespace
                    name: podinfo
                """);
    }

    @Test
    void aFileReadsOnlyThePodFieldsTheApiServerOffersToVolumesAndItemsGoWhereTheyBelong() {
        assertThatThrownBy(() -> fieldItem("ip", "status.podIP"))
                .hasMessage("volume item: fieldRef.fieldPath: Unsupported value: \"status.podIP\": supported values: "
                        + "\"metadata.annotations\", \"metadata.labels\", \"metadata.name\", \"metadata.namespace\", "
                        + "\"metadata.uid\"");
        assertThatThrownBy(() -> fieldItem("ip", podIp()))
                .hasMessageStartingWith("volume item: fieldRef.fieldPath: Unsupported value: \"status.podIP\"");
        assertThatThrownBy(() -> fieldItem("password", secret("db").literal("password", "x").key("password")))
                .hasMessage("volume item: fieldRef: Invalid value: \"Secret/db[password]\": must be a pod field, "
                        + "such as podName(); a key goes in item(key, path)");
        assertThatThrownBy(() -> fieldItem("../labels", "metadata.labels"))
                .hasMessage("volume item: path: Invalid value: \"../labels\": must not contain '..'");
        assertThatThrownBy(() -> downwardApi("podinfo", fieldItem("name", podName()), item("kv.conf", "kv.conf")))
                .hasMessage("volume \"podinfo\": downwardAPI.items[1].key: Forbidden: a downward API file reads a pod "
                        + "field: use fieldItem(path, fieldPath), not item(key, path)");
        assertThatThrownBy(() -> volume(configMap("kv").literal("kv.conf", "a"), defaultMode(0440),
                fieldItem("name", podName())))
                .hasMessage("volume \"kv\": configMap.items[0].fieldRef: Forbidden: ConfigMap and Secret files come "
                        + "from their keys: use item(key, path); a pod field goes in downwardApi(…) or "
                        + "projection(fieldItem(…))");
    }
}
