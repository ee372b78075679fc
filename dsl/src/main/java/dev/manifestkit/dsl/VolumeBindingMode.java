package dev.manifestkit.dsl;

/** When a StorageClass provisions and binds volumes for new claims. */
public enum VolumeBindingMode {
    /** As soon as the claim is created (Kubernetes' default). */
    IMMEDIATE("Immediate"),
    /** When the first pod using the claim is scheduled, so the volume lands in the pod's zone. */
    WAIT_FOR_FIRST_CONSUMER("WaitForFirstConsumer");

    private final String value;

    VolumeBindingMode(String value) {
        this.value = value;
    }

    /** The value as written in a manifest. */
    public String value() {
        return value;
    }
}
