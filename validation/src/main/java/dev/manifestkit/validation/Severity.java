package dev.manifestkit.validation;

/** How much a problem matters. Only errors make a report fail. */
public enum Severity {
    ERROR, WARNING, INFO;

    /** Lower-case name as used in reports and configuration ({@code error}). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
