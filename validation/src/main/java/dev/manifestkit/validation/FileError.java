package dev.manifestkit.validation;

import java.util.Objects;

import dev.manifestkit.core.MessageText;
import dev.manifestkit.core.SourceLocation;

/**
 * A file that could not be turned into objects at all (malformed YAML, a document too large, an
 * unreadable path). It has no object to attach to, so a report carries it on its own; it counts
 * as an error.
 *
 * @param file     the file, as the user named it
 * @param location where in the file, or null if not known
 * @param message  what is wrong; kept to one line of at most {@value MessageText#MAX_TEXT} characters, as reader
 *                 errors can quote the input
 */
public record FileError(String file, SourceLocation location, String message) {

    /** Checks that file and message are given. */
    public FileError {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        message = MessageText.oneLine(message, MessageText.MAX_TEXT);
    }

    /** {@code deploy.yaml:3:7: mapping values are not allowed here}, the file name escaped and cut like a detail. */
    @Override
    public String toString() {
        return MessageText.oneLine(file, MessageText.MAX_TEXT) + (location == null ? "" : ":" + location) + ": " + message;
    }
}
