package dev.manifestkit.cli;

import java.io.IOException;
import java.io.PrintStream;

/**
 * A report format: receives each resource's verdict as soon as it is known, then the totals.
 * Formats that can stream do so, so a 100,000-resource input does not pile up in memory.
 */
interface ResultWriter {

    /** Reports one resource. */
    void write(ResourceResult result) throws IOException;

    /** Ends the report with the totals and flushes it. */
    void finish(Summary summary) throws IOException;

    /** The writer for a format, printing to {@code out}. */
    static ResultWriter create(OutputFormat format, PrintStream out) {
        return switch (format) {
            case TEXT -> new TextResults(out);
            case JSON -> new JsonResults(out);
            case JUNIT -> new JunitResults(out);
        };
    }
}
