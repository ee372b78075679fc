package dev.manifestkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.validation.Problem;

/**
 * Everything the command line needs from core and validation, in one narrow place: read
 * documents one at a time, validate them, write them in canonical form. {@link Main} runs the
 * real one; tests may pass another.
 */
interface Backend {

    /**
     * Reads the documents of one input lazily, so a file of any number of documents is never held
     * whole. The stream is not closed by the returned reader.
     *
     * @param origin how problems name the input (a path, or {@code <stdin>})
     */
    DocumentReader read(InputStream in, String origin);

    /**
     * The validator for these options.
     *
     * @throws UsageException if an option is not acceptable (unknown Kubernetes version)
     * @throws InputException if {@code --schema-location} cannot be read
     */
    Checker checker(ValidateOptions options) throws UsageException, InputException;

    /** Writes documents in canonical YAML, {@code ---} between them. */
    void writeYaml(List<ManifestDocument> documents, OutputStream out) throws IOException;

    /** Writes one document as canonical, indented JSON (for {@code fmt} on {@code *.json} files). */
    void writeJson(ManifestDocument document, OutputStream out) throws IOException;

    /** The documents of one input, one at a time. */
    interface DocumentReader {

        /**
         * The next document, or null at the end of the input. Empty documents (blank, only
         * comments) are skipped.
         *
         * @throws ReadFailure if the text is not acceptable YAML; the rest of the input is not read
         * @throws IOException if the input itself fails
         */
        ManifestDocument next() throws ReadFailure, IOException;
    }

    /** A configured validator. */
    interface Checker {

        /**
         * Validates documents as one set: cross-object rules (references, duplicates) see all of
         * them.
         */
        List<Problem> validateSet(List<ManifestDocument> documents);

        /**
         * Validates one document on its own, for inputs too large to hold as a set: rules that
         * need the whole set are not run (the caller checks duplicates itself).
         */
        List<Problem> validateAlone(ManifestDocument document);
    }
}
