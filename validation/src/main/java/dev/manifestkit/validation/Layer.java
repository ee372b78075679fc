package dev.manifestkit.validation;

/** The four validation layers; each rule belongs to one. */
public enum Layer {
    /** The official OpenAPI definitions. */
    SCHEMA,
    /**
     * What the API server enforces beyond the schema (errors), and what it warns about in objects
     * it accepts ({@code api/server-warnings}, warnings).
     */
    API,
    /** References between objects of one set. */
    REFERENCES,
    /** Opinions: warnings by default, configurable per profile and per rule. */
    BEST_PRACTICE
}
