package dev.manifestkit.dsl;

/**
 * A container's {@code imagePullPolicy}. Left unset, Kubernetes uses {@code Always} for
 * {@code :latest} or untagged images and {@code IfNotPresent} otherwise.
 */
public enum ImagePullPolicy {
    /** Pull the image on every start. */
    ALWAYS("Always"),
    /** Pull the image only when the node lacks it. */
    IF_NOT_PRESENT("IfNotPresent"),
    /** Never pull; the image must be on the node. */
    NEVER("Never");

    private final String value;

    ImagePullPolicy(String value) {
        this.value = value;
    }

    /** The value as written in a manifest. */
    public String value() {
        return value;
    }
}
