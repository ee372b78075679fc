package dev.manifestkit.dsl;

/**
 * Access-mode shortcuts shared by {@link PersistentVolumeBuilder} and
 * {@link PersistentVolumeClaimBuilder}.
 *
 * @param <B> the builder type returned
 */
public interface AccessModes<B> {

    /** Sets the access modes ({@code spec.accessModes}). */
    B accessModes(AccessMode... modes);

    /** {@code ReadWriteOnce}: read-write by one node. */
    default B readWriteOnce() {
        return accessModes(AccessMode.READ_WRITE_ONCE);
    }

    /** {@code ReadOnlyMany}: read-only by many nodes. */
    default B readOnlyMany() {
        return accessModes(AccessMode.READ_ONLY_MANY);
    }

    /** {@code ReadWriteMany}: read-write by many nodes. */
    default B readWriteMany() {
        return accessModes(AccessMode.READ_WRITE_MANY);
    }

    /** {@code ReadWriteOncePod}: read-write by one pod. */
    default B readWriteOncePod() {
        return accessModes(AccessMode.READ_WRITE_ONCE_POD);
    }

    /** Adds the modes not already in the list, keeping the order of first mention. */
    static void addTo(java.util.List<AccessMode> list, AccessMode... modes) {
        for (var mode : modes) {
            if (!list.contains(java.util.Objects.requireNonNull(mode, "mode"))) {
                list.add(mode);
            }
        }
    }
}
