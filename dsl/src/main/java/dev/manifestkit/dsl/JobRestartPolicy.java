package dev.manifestkit.dsl;

/**
 * The {@code restartPolicy} of a Job's (or a CronJob's) pods: only these two, since a pod that is
 * always restarted would never finish; there is no {@code ALWAYS} to pick by mistake. The DSL
 * writes {@code NEVER} unless told otherwise, as {@code kubectl create job} does, because
 * Kubernetes' own default, Always, is refused for Jobs.
 */
public enum JobRestartPolicy {
    /** A failed container is restarted in the same pod, on the same node; the pod counts as one try. */
    ON_FAILURE("OnFailure"),
    /** A failed pod stays failed and the Job makes a new one (up to {@code backoffLimit}), keeping its logs. */
    NEVER("Never");

    private final String value;

    JobRestartPolicy(String value) {
        this.value = value;
    }

    /** The value as written in a manifest. */
    public String value() {
        return value;
    }
}
