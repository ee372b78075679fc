package dev.manifestkit.dsl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import dev.manifestkit.core.syntax.Names;
import io.fabric8.kubernetes.api.model.CSIPersistentVolumeSource;
import io.fabric8.kubernetes.api.model.HostPathVolumeSource;
import io.fabric8.kubernetes.api.model.LocalVolumeSource;
import io.fabric8.kubernetes.api.model.NFSVolumeSource;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.VolumeNodeAffinity;

/**
 * A PersistentVolume ({@code v1}, cluster-scoped): a piece of storage with a capacity, access
 * modes, a reclaim policy and one source (hostPath, NFS, CSI or a local disk pinned to a node).
 * Claims bind to it statically with {@code claim.boundTo(volume)}.
 */
public final class PersistentVolumeBuilder extends ObjectBuilder<PersistentVolumeBuilder, PersistentVolume,
        io.fabric8.kubernetes.api.model.PersistentVolumeBuilder> implements AccessModes<PersistentVolumeBuilder> {

    private Quantity capacity;
    private final List<AccessMode> accessModes = new ArrayList<>();
    private ReclaimPolicy reclaimPolicy;
    private String storageClassName;
    private String volumeMode;
    private String sourceName;
    /** Sets a new source on the spec of every volume built. */
    private Consumer<PersistentVolumeSpec> source;

    PersistentVolumeBuilder(String name) {
        super("PersistentVolume", name, false);
    }

    /** The size ({@code spec.capacity.storage}), a quantity such as {@code 2Gi}. */
    public PersistentVolumeBuilder capacity(String storage) {
        Fail.notNull(storage, ref(), "spec.capacity[storage]");
        Fail.check(dev.manifestkit.core.syntax.Quantity.positive(storage), ref(), "spec.capacity[storage]", storage);
        this.capacity = new Quantity(storage);
        return this;
    }

    @Override
    public PersistentVolumeBuilder accessModes(AccessMode... modes) {
        AccessMode.addTo(accessModes, modes);
        return this;
    }

    /** What happens to the storage when its claim goes away; Kubernetes' default for static volumes is Retain. */
    public PersistentVolumeBuilder reclaimPolicy(ReclaimPolicy policy) {
        this.reclaimPolicy = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /** The class of this volume by name, for classes that exist only as a label (such as {@code manual}). */
    public PersistentVolumeBuilder storageClassName(String className) {
        Fail.check(Names.dns1123Subdomain(className), ref(), "spec.storageClassName", className);
        this.storageClassName = className;
        return this;
    }

    /** The class of this volume, from a StorageClass object. */
    public PersistentVolumeBuilder storageClass(StorageClassBuilder storageClass) {
        this.storageClassName = storageClass.name();
        return this;
    }

    /** Offers the volume as a raw block device ({@code volumeMode: Block}) instead of a filesystem. */
    public PersistentVolumeBuilder blockMode() {
        this.volumeMode = "Block";
        return this;
    }

    /** A directory on the node ({@code hostPath}); for single-node clusters and tests. */
    public PersistentVolumeBuilder hostPath(String path) {
        checkAbsolute("spec.hostPath.path", path);
        return source("hostPath", spec -> spec.setHostPath(new HostPathVolumeSource(path, null)));
    }

    /** A directory on the node ({@code hostPath}) whose {@code type} the kubelet checks, or creates, first. */
    public PersistentVolumeBuilder hostPath(String path, HostPathType type) {
        checkAbsolute("spec.hostPath.path", path);
        Fail.notNull(type, ref(), "spec.hostPath.type");
        return source("hostPath", spec -> spec.setHostPath(new HostPathVolumeSource(path, type.value())));
    }

    /** An NFS export ({@code nfs}). */
    public PersistentVolumeBuilder nfs(String server, String path) {
        Fail.notNull(server, ref(), "spec.nfs.server");
        checkAbsolute("spec.nfs.path", path);
        return source("nfs", spec -> spec.setNfs(new NFSVolumeSource(path, null, server)));
    }

    /** A volume from a CSI driver ({@code csi}), such as {@code ("ebs.csi.aws.com", "vol-0abc")}. */
    public PersistentVolumeBuilder csi(String driver, String volumeHandle) {
        Fail.notNull(driver, ref(), "spec.csi.driver");
        Fail.notNull(volumeHandle, ref(), "spec.csi.volumeHandle");
        return source("csi", spec -> {
            var csi = new CSIPersistentVolumeSource();
            csi.setDriver(driver);
            csi.setVolumeHandle(volumeHandle);
            spec.setCsi(csi);
        });
    }

    /**
     * A local disk ({@code local}) on one node; Kubernetes requires the node affinity, which is
     * written from {@code nodeName} ({@code kubernetes.io/hostname}).
     */
    public PersistentVolumeBuilder local(String path, String nodeName) {
        checkAbsolute("spec.local.path", path);
        Fail.notNull(nodeName, ref(), "spec.nodeAffinity");
        return source("local", spec -> {
            var local = new LocalVolumeSource();
            local.setPath(path);
            spec.setLocal(local);
            var onNode = new NodeSelectorTerm();
            onNode.getMatchExpressions().add(
                    new NodeSelectorRequirement("kubernetes.io/hostname", "In", new ArrayList<>(List.of(nodeName))));
            var required = new NodeSelector();
            required.getNodeSelectorTerms().add(onNode);
            spec.setNodeAffinity(new VolumeNodeAffinity(required));
        });
    }

    private PersistentVolumeBuilder source(String name, Consumer<PersistentVolumeSpec> source) {
        if (sourceName != null && !sourceName.equals(name)) {
            throw Fail.forbidden(ref(), "spec." + name, "may not specify more than 1 volume type (already " + sourceName + ")");
        }
        this.sourceName = name;
        this.source = source;
        return this;
    }

    private void checkAbsolute(String path, String value) {
        Fail.notNull(value, ref(), path);
        if (!value.startsWith("/")) {
            throw Fail.invalid(ref(), path, value, "must be an absolute path");
        }
    }

    /** The class claims must ask for to bind here ({@code ""} when none). */
    String storageClassNameOrEmpty() {
        return storageClassName == null ? "" : storageClassName;
    }

    Quantity capacityOrNull() {
        return capacity;
    }

    List<AccessMode> accessModesList() {
        return List.copyOf(accessModes);
    }

    @Override
    PersistentVolume assemble() {
        if (capacity == null) {
            throw Fail.required(ref(), "spec.capacity", "call capacity(…)");
        }
        if (accessModes.isEmpty()) {
            throw Fail.required(ref(), "spec.accessModes", "call readWriteOnce() or accessModes(…)");
        }
        if (source == null) {
            throw Fail.required(ref(), "spec", "must specify a volume type: hostPath(…), nfs(…), csi(…) or local(…)");
        }
        Map<String, Quantity> capacityMap = new LinkedHashMap<>();
        capacityMap.put("storage", Copies.quantity(capacity));
        var spec = new PersistentVolumeSpec();
        spec.setCapacity(capacityMap);
        spec.setAccessModes(Copies.mapped(accessModes, AccessMode::value));
        spec.setPersistentVolumeReclaimPolicy(reclaimPolicy == null ? null : reclaimPolicy.value());
        spec.setStorageClassName(storageClassName);
        spec.setVolumeMode(volumeMode);
        source.accept(spec);
        var volume = new PersistentVolume();
        volume.setSpec(spec);
        return volume;
    }
}
