package dev.manifestkit.dsl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

import dev.manifestkit.core.syntax.Names;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.VolumeResourceRequirements;

/**
 * A PersistentVolumeClaim ({@code v1}): a request for storage that pods mount with
 * {@code volume(claim)}. It binds dynamically ({@link #storageClass(StorageClassBuilder)}, or the
 * cluster's default class when nothing is said) or statically
 * ({@link #boundTo(PersistentVolumeBuilder)}). For a claim created out of band, see
 * {@link ExistingClaim}.
 */
public final class PersistentVolumeClaimBuilder extends AbstractPersistentVolumeClaimBuilder<PersistentVolumeClaimBuilder>
        implements AccessModes<PersistentVolumeClaimBuilder> {

    private final List<AccessMode> accessModes = new ArrayList<>();
    private Quantity request;
    private String storageClassName;
    private PersistentVolumeBuilder boundTo;
    private String volumeMode;

    PersistentVolumeClaimBuilder(String name) {
        super(name, false);
    }

    @Override
    public PersistentVolumeClaimBuilder accessModes(AccessMode... modes) {
        AccessMode.addTo(accessModes, modes);
        return this;
    }

    /** The storage asked for ({@code spec.resources.requests.storage}), such as {@code 2Gi}. */
    public PersistentVolumeClaimBuilder request(String storage) {
        Fail.notNull(storage, ref(), "spec.resources.requests[storage]");
        Fail.check(dev.manifestkit.core.syntax.Quantity.positive(storage), ref(), "spec.resources.requests[storage]", storage);
        this.request = new Quantity(storage);
        return this;
    }

    /** Provisions the volume dynamically through this StorageClass ({@code storageClassName}). */
    public PersistentVolumeClaimBuilder storageClass(StorageClassBuilder storageClass) {
        this.storageClassName = Objects.requireNonNull(storageClass, "storageClass").name();
        return this;
    }

    /** Asks for a class by name, for classes the cluster already has. */
    public PersistentVolumeClaimBuilder storageClassName(String className) {
        Fail.check(Names.dns1123Subdomain(className), ref(), "spec.storageClassName", className);
        this.storageClassName = className;
        return this;
    }

    /**
     * Binds statically to this PersistentVolume: writes {@code volumeName} and the volume's class
     * as {@code storageClassName} ({@code ""} when the volume has none, which keeps the cluster's
     * default class from being filled in and blocking the binding). When built, the request must
     * fit the volume's capacity and the access modes must be among the volume's.
     */
    public PersistentVolumeClaimBuilder boundTo(PersistentVolumeBuilder volume) {
        this.boundTo = Objects.requireNonNull(volume, "volume");
        return this;
    }

    /** Asks for a raw block device ({@code volumeMode: Block}). */
    public PersistentVolumeClaimBuilder blockMode() {
        this.volumeMode = "Block";
        return this;
    }

    @Override
    PersistentVolumeClaim assemble() {
        if (accessModes.isEmpty()) {
            throw Fail.required(ref(), "spec.accessModes", "call readWriteOnce() or accessModes(…)");
        }
        if (request == null) {
            throw Fail.required(ref(), "spec.resources[storage]", "call request(…)");
        }
        var spec = new PersistentVolumeClaimSpec();
        spec.setAccessModes(Copies.mapped(accessModes, AccessMode::value));
        var requests = new LinkedHashMap<String, Quantity>();
        requests.put("storage", Copies.quantity(request));
        spec.setResources(new VolumeResourceRequirements(null, requests));
        spec.setVolumeMode(volumeMode);
        if (boundTo != null) {
            checkFits(boundTo);
            spec.setVolumeName(boundTo.name());
            spec.setStorageClassName(boundTo.storageClassNameOrEmpty());
        } else {
            spec.setStorageClassName(storageClassName);
        }
        var claim = new PersistentVolumeClaim();
        claim.setSpec(spec);
        return claim;
    }

    private void checkFits(PersistentVolumeBuilder volume) {
        if (storageClassName != null && !storageClassName.equals(volume.storageClassNameOrEmpty())) {
            throw Fail.invalid(ref(), "spec.storageClassName", storageClassName,
                    "does not match the class of " + volume + " it is bound to");
        }
        var capacity = volume.capacityOrNull();
        if (capacity != null && request.compareTo(capacity) > 0) {
            throw Fail.invalid(ref(), "spec.resources.requests[storage]", request.toString(),
                    "exceeds the capacity " + capacity + " of " + volume);
        }
        var offered = volume.accessModesList();
        for (var mode : accessModes) {
            if (!offered.isEmpty() && !offered.contains(mode)) {
                throw Fail.invalid(ref(), "spec.accessModes", mode.value(), volume + " does not offer this access mode");
            }
        }
    }
}
