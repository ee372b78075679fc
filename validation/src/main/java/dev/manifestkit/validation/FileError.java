package dev.manifestkit.validation;

import java.util.Objects;

import dev.manifestkit.core.Printable;
import dev.manifestkit.core.SourceLocation;

/**
 * A file that could not be turned into objects at all (malformed YAML, a document too large, an
 * unreadable path). It has no object to attach to, so a report carries it on its own; it counts
 * as an error.
 *
 * @param file     the file, as the user named it
 * @param location where in the file, or null if not known
 * @param message  one line saying what is wrong
 */
public record FileError(String file, SourceLocation location, String message) {

    /** Checks that file and message are given. */
    public FileError {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    /** One line, input text in it escaped ({@link Printable}): {@code deploy.yaml:3:7: mapping values are not allowed here}. */
    @Override
    public String toString() {
        return Printable.line(file + (location == null ? "" : ":" + location) + ": " + message);
    }
}
