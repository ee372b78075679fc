package dev.manifestkit.dsl;

/**
 * What becomes of the claims a StatefulSet's {@code volumeClaimTemplate(…)} made
 * ({@code spec.persistentVolumeClaimRetentionPolicy.whenDeleted} / {@code whenScaled}). Kubernetes'
 * default, for both, is {@code Retain}.
 */
public enum ClaimRetentionPolicy {
    /** The claims stay, with their data, for the next pod of the same ordinal or for a person to remove. */
    RETAIN("Retain"),
    /** The claims are deleted, and with them (by their volumes' reclaim policy) the data. */
    DELETE("Delete");

    private final String value;

    ClaimRetentionPolicy(String value) {
        this.value = value;
    }

    /** The value as written in a manifest. */
    public String value() {
        return value;
    }
}
