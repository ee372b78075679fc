package dev.manifestkit.dsl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import dev.manifestkit.core.syntax.Names;
import io.fabric8.kubernetes.api.model.storage.StorageClass;

/**
 * A StorageClass ({@code storage.k8s.io/v1}, cluster-scoped): how claims that name it get volumes
 * provisioned. The provisioner is required.
 */
public final class StorageClassBuilder extends ObjectBuilder<StorageClassBuilder, StorageClass,
        io.fabric8.kubernetes.api.model.storage.StorageClassBuilder> {

    private String provisioner;
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private ReclaimPolicy reclaimPolicy;
    private VolumeBindingMode bindingMode;
    private Boolean allowVolumeExpansion;

    StorageClassBuilder(String name) {
        super("StorageClass", name, false);
    }

    /** The volume plugin or CSI driver that provisions volumes, such as {@code ebs.csi.aws.com}. */
    public StorageClassBuilder provisioner(String provisioner) {
        Fail.notNull(provisioner, ref(), "provisioner");
        Fail.check(Names.labelKey(provisioner), ref(), "provisioner", provisioner);
        this.provisioner = provisioner;
        return this;
    }

    /** A provisioner-specific parameter, such as {@code ("type", "gp3")}. */
    public StorageClassBuilder parameter(String key, String value) {
        parameters.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** The reclaim policy of provisioned volumes; Kubernetes' default is Delete. */
    public StorageClassBuilder reclaimPolicy(ReclaimPolicy policy) {
        this.reclaimPolicy = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /** When volumes are provisioned and bound ({@code volumeBindingMode}). */
    public StorageClassBuilder volumeBindingMode(VolumeBindingMode mode) {
        this.bindingMode = Objects.requireNonNull(mode, "mode");
        return this;
    }

    /** Lets claims of this class grow after creation ({@code allowVolumeExpansion: true}). */
    public StorageClassBuilder allowVolumeExpansion() {
        this.allowVolumeExpansion = true;
        return this;
    }

    @Override
    StorageClass assemble() {
        if (provisioner == null) {
            throw Fail.required(ref(), "provisioner", "call provisioner(…)");
        }
        var storageClass = new StorageClass();
        storageClass.setProvisioner(provisioner);
        storageClass.setParameters(parameters.isEmpty() ? null : new LinkedHashMap<>(parameters));
        storageClass.setReclaimPolicy(reclaimPolicy == null ? null : reclaimPolicy.value());
        storageClass.setVolumeBindingMode(bindingMode == null ? null : bindingMode.value());
        storageClass.setAllowVolumeExpansion(allowVolumeExpansion);
        return storageClass;
    }
}
