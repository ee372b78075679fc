package dev.manifestkit.dsl;

/**
 * What a hostPath volume expects to find at its path ({@code hostPath.type}). The kubelet checks
 * it before the pod starts, so a missing socket or device fails the pod instead of the
 * application; without a type nothing is checked.
 */
public enum HostPathType {
    /** A directory, created (mode 0755, owned by the kubelet) if there is nothing at the path. */
    DIRECTORY_OR_CREATE("DirectoryOrCreate"),
    /** A directory that must exist. */
    DIRECTORY("Directory"),
    /** A file, created empty (mode 0644) if there is nothing at the path; its directory must exist. */
    FILE_OR_CREATE("FileOrCreate"),
    /** A file that must exist. */
    FILE("File"),
    /** A UNIX socket that must exist, such as a container runtime's. */
    SOCKET("Socket"),
    /** A character device that must exist. */
    CHAR_DEVICE("CharDevice"),
    /** A block device that must exist. */
    BLOCK_DEVICE("BlockDevice");

    private final String value;

    HostPathType(String value) {
        this.value = value;
    }

    /** The value as written in a manifest. */
    public String value() {
        return value;
    }
}
