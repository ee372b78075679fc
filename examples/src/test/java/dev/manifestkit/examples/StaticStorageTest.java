package dev.manifestkit.examples;

import static dev.manifestkit.testing.ManifestAssertions.assertThat;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;

class StaticStorageTest {

    private final StaticStorage example = new StaticStorage();

    @Test
    void theClaimIsBoundToTheVolumeByNameAndClass() {
        var app = example.manifests();

        assertThat(app).containsObject(PersistentVolumeClaim.class, "static-claim").satisfies(claim -> {
            Assertions.assertThat(claim.getSpec().getVolumeName()).isEqualTo("static-pv");
            Assertions.assertThat(claim.getSpec().getStorageClassName()).isEqualTo("manual");
            Assertions.assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
            Assertions.assertThat(claim.getSpec().getResources().getRequests().get("storage").toString()).isEqualTo("1Gi");
        });
        assertThat(app).containsObject(PersistentVolume.class, "static-pv").satisfies(volume -> {
            Assertions.assertThat(volume.getSpec().getHostPath().getPath()).isEqualTo("/mnt/static");
            Assertions.assertThat(volume.getSpec().getPersistentVolumeReclaimPolicy()).isEqualTo("Retain");
            Assertions.assertThat(volume.getSpec().getStorageClassName()).isEqualTo("manual");
        });
        assertThat(app).containsPod("static-storage-reader").container("reader").mountsClaim("static-claim", "/data");
    }

    @Test
    void isValidAndMatchesItsSnapshot() {
        assertThat(example.manifests()).isValid().matchesSnapshot("static-storage");
    }
}
