package dev.manifestkit.validation;

/**
 * A check applied to each object of a set. Rules keep no state and do no I/O, so one instance
 * serves every thread.
 */
public interface Rule {

    /** Stable id users filter and suppress by, such as {@code api/port-range}. */
    String id();

    /** The layer the rule belongs to. */
    Layer layer();

    /** Severity unless a profile or an override says otherwise. */
    Severity defaultSeverity();

    /**
     * Severity under a profile, unless an override says otherwise. Rules that matter more in
     * production than during development (single replicas, NodePort services) say so here;
     * the default is {@link #defaultSeverity()} under every profile.
     */
    default Severity severity(Profile profile) {
        return defaultSeverity();
    }

    /** One sentence for the README's rule list and {@code --list-rules}. */
    String description();

    /** Checks {@code context.document()}, reporting through {@code context}. */
    void check(RuleContext context);
}
