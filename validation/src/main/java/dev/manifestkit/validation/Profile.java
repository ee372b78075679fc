package dev.manifestkit.validation;

/** Best-practice profiles: {@code prod} adds rules that are noise during development. */
public enum Profile {
    DEV, PROD;

    /** Parses {@code dev} or {@code prod}, case-insensitively. */
    public static Profile parse(String text) {
        for (var p : values()) {
            if (p.name().equalsIgnoreCase(text)) {
                return p;
            }
        }
        throw new IllegalArgumentException("profile must be one of dev, prod; got '" + text + "'");
    }
}
