package dev.manifestkit.examples;

import static dev.manifestkit.testing.ManifestAssertions.assertThat;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.storage.StorageClass;

class DynamicStorageTest {

    private final DynamicStorage example = new DynamicStorage();

    @Test
    void theClaimNamesTheStorageClassAndNoVolume() {
        var app = example.manifests();

        assertThat(app).hasObjectCount(2);
        assertThat(app).containsObject(PersistentVolumeClaim.class, "dynamic-claim").satisfies(claim -> {
            Assertions.assertThat(claim.getSpec().getStorageClassName()).isEqualTo("fast-ssd");
            Assertions.assertThat(claim.getSpec().getVolumeName()).isNull();
        });
        assertThat(app).containsObject(StorageClass.class, "fast-ssd").satisfies(storageClass -> {
            Assertions.assertThat(storageClass.getProvisioner()).isEqualTo("ebs.csi.aws.com");
            Assertions.assertThat(storageClass.getVolumeBindingMode()).isEqualTo("WaitForFirstConsumer");
            Assertions.assertThat(storageClass.getAllowVolumeExpansion()).isTrue();
        });
    }

    @Test
    void theStorageClassIsWrittenBeforeTheClaim() {
        Assertions.assertThat(example.manifests().toYaml()).startsWith("apiVersion: storage.k8s.io/v1\nkind: StorageClass\n");
    }

    @Test
    void isValidAndMatchesItsSnapshot() {
        assertThat(example.manifests()).isValid().matchesSnapshot("dynamic-storage");
    }
}
