package dev.manifestkit.core.yaml;

import java.util.Optional;

import dev.manifestkit.core.MessageText;
import dev.manifestkit.core.SourceLocation;

/**
 * Input that is not a readable manifest: malformed YAML, a document that is not an object, or input
 * over a {@link ReaderOptions} limit. The message is one line,
 * {@code <origin>:<line>:<column>: <what>}, ready to print to a user as it is.
 */
public final class ManifestReadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String origin;
    private final transient SourceLocation location;
    private final String problem;

    ManifestReadException(String origin, SourceLocation location, String problem, Throwable cause) {
        super(format(origin, location, MessageText.oneLine(problem, MessageText.MAX_TEXT)), cause);
        this.origin = origin;
        this.location = location;
        this.problem = MessageText.oneLine(problem, MessageText.MAX_TEXT);
    }

    /** The file (or {@code <stdin>}, {@code <memory>}) that was read. */
    public String origin() {
        return origin;
    }

    /** Where in the input the problem was found, when known. */
    public Optional<SourceLocation> location() {
        return Optional.ofNullable(location);
    }

    /** What is wrong, without the origin and location; one bounded line, input text in it escaped ({@link MessageText}). */
    public String problem() {
        return problem;
    }

    private static String format(String origin, SourceLocation location, String problem) {
        String where = MessageText.oneLine(origin, MessageText.MAX_TEXT);
        return location == null ? where + ": " + problem : where + ":" + location + ": " + problem;
    }
}
