package dev.manifestkit.dsl;

/** What happens to a PersistentVolume's storage when its claim is deleted. */
public enum ReclaimPolicy {
    /** Keep the volume and its data for manual reclamation. */
    RETAIN("Retain"),
    /** Delete the volume and its storage. */
    DELETE("Delete");

    private final String value;

    ReclaimPolicy(String value) {
        this.value = value;
    }

    /** The value as written in a manifest. */
    public String value() {
        return value;
    }
}
