package dev.manifestkit.dsl;

/** A pod's {@code restartPolicy}. Kubernetes' default is {@code Always}. */
public enum RestartPolicy {
    /** Restart containers whenever they exit. */
    ALWAYS("Always"),
    /** Restart containers that exit with a failure. */
    ON_FAILURE("OnFailure"),
    /** Never restart containers. */
    NEVER("Never");

    private final String value;

    RestartPolicy(String value) {
        this.value = value;
    }

    /** The value as written in a manifest. */
    public String value() {
        return value;
    }
}
