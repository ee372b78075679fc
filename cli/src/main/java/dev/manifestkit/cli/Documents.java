package dev.manifestkit.cli;

import java.io.InputStream;
import java.util.Iterator;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.core.MessageText;
import dev.manifestkit.core.yaml.ManifestReadException;
import dev.manifestkit.core.yaml.ManifestReader;

/**
 * Where the command line reads manifests: core's {@link ManifestReader} (YAML 1.1 like kubectl,
 * source locations, limits against hostile input), one document at a time.
 */
final class Documents {

    private static final ManifestReader READER = ManifestReader.create();

    private Documents() {
    }

    /**
     * The documents of one input, read lazily as the iterator advances, so only one is held at a
     * time. The iterator throws {@link dev.manifestkit.core.yaml.ManifestReadException} for input
     * that is not a readable manifest and {@link java.io.UncheckedIOException} when reading fails;
     * the stream is not closed.
     *
     * @param origin how documents and messages name the input
     */
    static Iterator<ManifestDocument> open(InputStream in, String origin) {
        return open(in, origin, READER);
    }

    /** As {@link #open(InputStream, String)}, with a reader of other limits. */
    static Iterator<ManifestDocument> open(InputStream in, String origin, ManifestReader reader) {
        return reader.stream(in, origin).iterator();
    }

    /** The whole one-line message of a reader error, {@code file:line:column: problem}, as the command line says it. */
    static String message(ManifestReadException error) {
        var where = MessageText.oneLine(error.origin(), MessageText.MAX_TEXT);
        return where + error.location().map(location -> ":" + location).orElse("") + ": " + problem(error);
    }

    /**
     * A reader error as the command line says it: a limit is named by the option that raises it
     * rather than by the library setting.
     */
    static String problem(ManifestReadException error) {
        return error.problem().replace("(ReaderOptions.maxDocumentBytes)", "(raise it with --max-document-bytes)")
                .replace("(ReaderOptions.maxValues)", "(raise it with --max-values)");
    }
}
