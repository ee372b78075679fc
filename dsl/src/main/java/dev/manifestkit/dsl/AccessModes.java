package dev.manifestkit.dsl;

/**
 * Access-mode shortcuts shared by {@link PersistentVolumeBuilder} and
 * {@link PersistentVolumeClaimBuilder}.
 *
 * @param <B> the builder type returned
 */
public interface AccessModes<B> {

    /**
     * Adds access modes to {@code spec.accessModes}, each once, in the order first given: every call
     * adds, so {@code readWriteOnce().readOnlyMany()} asks for both (a claim binds to a volume that
     * offers all of them).
     */
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
}
