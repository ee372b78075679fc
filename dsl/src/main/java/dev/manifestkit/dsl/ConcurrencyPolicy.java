package dev.manifestkit.dsl;

/**
 * What a CronJob does when a run is due while the previous one is still going
 * ({@code spec.concurrencyPolicy}). Kubernetes' default is {@code Allow}.
 */
public enum ConcurrencyPolicy {
    /** Runs may overlap. */
    ALLOW("Allow"),
    /** The new run is skipped while the previous one is still going. */
    FORBID("Forbid"),
    /** The running Job is stopped and replaced by the new one. */
    REPLACE("Replace");

    private final String value;

    ConcurrencyPolicy(String value) {
        this.value = value;
    }

    /** The value as written in a manifest. */
    public String value() {
        return value;
    }
}
