package dev.manifestkit.maven;

import java.util.Locale;

import dev.manifestkit.validation.Severity;

/** The lowest severity that fails the build. */
enum FailOn {
    /** Only errors fail the build; warnings are logged. */
    ERROR,
    /** Errors and warnings fail the build. */
    WARNING;

    /** Parses {@code error} or {@code warning}, case-insensitively. */
    static FailOn parse(String text) {
        for (var value : values()) {
            if (value.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return value;
            }
        }
        throw new IllegalArgumentException("failOn must be one of error, warning; got '" + text + "'");
    }

    /** True if a problem of this severity fails the build. */
    boolean fails(Severity severity) {
        return severity == Severity.ERROR || (this == WARNING && severity == Severity.WARNING);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
