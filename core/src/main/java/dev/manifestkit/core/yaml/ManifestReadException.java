package dev.manifestkit.core.yaml;

import java.util.Optional;

import dev.manifestkit.core.Printable;
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
        super(format(origin, location, Printable.line(problem)), cause);
        this.origin = origin;
        this.location = location;
        this.problem = Printable.line(problem);
    }

    /** The file (or {@code <stdin>}, {@code <memory>}) that was read. */
    public String origin() {
        return origin;
    }

    /** Where in the input the problem was found, when known. */
    public Optional<SourceLocation> location() {
        return Optional.ofNullable(location);
    }

    /** What is wrong, without the origin and location; one line, input text in it escaped ({@link Printable}). */
    public String problem() {
        return problem;
    }

    private static String format(String origin, SourceLocation location, String problem) {
        String where = Printable.line(origin);
        return location == null ? where + ": " + problem : where + ":" + location + ": " + problem;
    }
}
