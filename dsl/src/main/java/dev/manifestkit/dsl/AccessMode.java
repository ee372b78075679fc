package dev.manifestkit.dsl;

/** An access mode of a PersistentVolume or PersistentVolumeClaim. */
public enum AccessMode {
    /** Mounted read-write by a single node. */
    READ_WRITE_ONCE("ReadWriteOnce"),
    /** Mounted read-only by many nodes. */
    READ_ONLY_MANY("ReadOnlyMany"),
    /** Mounted read-write by many nodes. */
    READ_WRITE_MANY("ReadWriteMany"),
    /** Mounted read-write by a single pod. */
    READ_WRITE_ONCE_POD("ReadWriteOncePod");

    private final String value;

    AccessMode(String value) {
        this.value = value;
    }

    /** The value as written in a manifest. */
    public String value() {
        return value;
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
