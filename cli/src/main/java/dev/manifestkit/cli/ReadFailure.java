package dev.manifestkit.cli;

import dev.manifestkit.core.SourceLocation;

/**
 * An input is not acceptable YAML: malformed, hostile (alias bombs, excessive nesting or size),
 * or holding duplicate keys. Reported as one line for that file; the run goes on with the next.
 */
final class ReadFailure extends Exception {

    private final transient SourceLocation location;
    private final String detail;

    /**
     * @param detail   what is wrong, without the file name or position
     * @param location where, or null if unknown
     */
    ReadFailure(String detail, SourceLocation location) {
        super(detail, null, false, false);
        this.detail = detail;
        this.location = location;
    }

    /** What is wrong, without the file name or position. */
    String detail() {
        return detail;
    }

    /** Where in the input, or null. */
    SourceLocation location() {
        return location;
    }
}
