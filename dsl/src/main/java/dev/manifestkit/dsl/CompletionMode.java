package dev.manifestkit.dsl;

/** How a Job counts its completions ({@code spec.completionMode}). Kubernetes' default is {@code NonIndexed}. */
public enum CompletionMode {
    /** The Job is done when {@code completions} pods have succeeded, any of them. */
    NON_INDEXED("NonIndexed"),
    /**
     * Each pod gets an index from 0 to {@code completions - 1} (in {@code JOB_COMPLETION_INDEX}) and
     * the Job is done when every index has succeeded once: static work partitioning. Needs
     * {@code completions(…)}.
     */
    INDEXED("Indexed");

    private final String value;

    CompletionMode(String value) {
        this.value = value;
    }

    /** The value as written in a manifest. */
    public String value() {
        return value;
    }
}
