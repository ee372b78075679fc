package dev.manifestkit.examples;

import static dev.manifestkit.dsl.K8s.*;

import dev.manifestkit.core.ManifestSource;
import dev.manifestkit.core.Manifests;
import dev.manifestkit.dsl.K8s;
import dev.manifestkit.dsl.ReclaimPolicy;
import dev.manifestkit.dsl.VolumeBindingMode;

/**
 * Dynamic provisioning: a StorageClass naming a CSI provisioner, and a claim of that class; the
 * provisioner creates the volume when the first Pod using the claim is scheduled.
 */
public final class DynamicStorage implements ManifestSource {

    /** Used by the Maven plugin. */
    public DynamicStorage() {
    }

    @Override
    public Manifests manifests() {
        var fast = storageClass("fast-ssd").provisioner("ebs.csi.aws.com").parameter("type", "gp3")
                .reclaimPolicy(ReclaimPolicy.DELETE)
                .volumeBindingMode(VolumeBindingMode.WAIT_FOR_FIRST_CONSUMER)
                .allowVolumeExpansion();
        var claim = persistentVolumeClaim("dynamic-claim").readWriteOnce().request("5Gi").storageClass(fast);
        return K8s.manifests(fast, claim);
    }

    /** Prints the YAML. */
    public static void main(String[] args) {
        System.out.print(new DynamicStorage().manifests().toYaml());
    }
}
