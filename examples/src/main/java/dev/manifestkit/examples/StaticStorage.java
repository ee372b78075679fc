package dev.manifestkit.examples;

import static dev.manifestkit.dsl.K8s.*;

import dev.manifestkit.core.ManifestSource;
import dev.manifestkit.core.Manifests;
import dev.manifestkit.dsl.K8s;
import dev.manifestkit.dsl.ReclaimPolicy;

/**
 * Static provisioning: an administrator's PersistentVolume on the node's disk, and a claim bound
 * to exactly that volume ({@code spec.volumeName}), so no provisioner is involved. A Pod mounts
 * the claim.
 */
public final class StaticStorage implements ManifestSource {

    /** Used by the Maven plugin. */
    public StaticStorage() {
    }

    @Override
    public Manifests manifests() {
        var volume = persistentVolume("static-pv").capacity("1Gi").readWriteOnce().storageClassName("manual")
                .hostPath("/mnt/static").reclaimPolicy(ReclaimPolicy.RETAIN);
        var claim = persistentVolumeClaim("static-claim").readWriteOnce().request("1Gi").boundTo(volume);
        var reader = pod("static-storage-reader").container(container("reader", "docker.io/library/busybox:1.37")
                .command("sh", "-c", "ls -l /data && sleep 3600")
                .mount(volume(claim), "/data", readOnly()));
        return K8s.manifests(volume, claim, reader);
    }

    /** Prints the YAML. */
    public static void main(String[] args) {
        System.out.print(new StaticStorage().manifests().toYaml());
    }
}
