package dev.manifestkit.examples;

import static dev.manifestkit.testing.ManifestAssertions.assertThat;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Pod;

class SidecarPodTest {

    private final SidecarPod example = new SidecarPod();

    @Test
    void bothContainersMountTheOneEmptyDirVolume() {
        var app = example.manifests();

        assertThat(app).hasObjectCount(1)
                .containsPod("sidecar-pod").hasContainers("app", "log-shipper").hasVolume("logs")
                .container("app").hasImage("docker.io/library/busybox:1.37").hasMount("logs", "/var/log/app");
        assertThat(app).containsPod("sidecar-pod").container("log-shipper").hasMount("logs", "/logs");
        assertThat(app).containsObject(Pod.class, "sidecar-pod").satisfies(pod -> {
            Assertions.assertThat(pod.getSpec().getVolumes()).singleElement()
                    .satisfies(volume -> Assertions.assertThat(volume.getEmptyDir()).isNotNull());
            Assertions.assertThat(pod.getSpec().getContainers().get(1).getVolumeMounts().get(0).getReadOnly()).isTrue();
        });
    }

    @Test
    void isValidAndMatchesItsSnapshot() {
        assertThat(example.manifests()).isValid().matchesSnapshot("sidecar-pod");
    }
}
