package dev.manifestkit.validation.report;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

import dev.manifestkit.validation.ValidationReport;

/**
 * Writes a {@link ValidationReport} in one format. Implementations are stateless and write the
 * same bytes for the same report, every run.
 */
public interface ReportWriter {

    /** Writes the whole report; does not close {@code out}. */
    void write(ValidationReport report, Writer out) throws IOException;

    /** The writer of a format by name: {@code text}, {@code json} or {@code junit}. */
    static ReportWriter forFormat(String format) {
        return switch (format == null ? "" : format.toLowerCase(Locale.ROOT)) {
            case "text" -> new TextReport();
            case "json" -> new JsonReport();
            case "junit" -> new JUnitReport();
            default -> throw new IllegalArgumentException("output format must be one of text, json, junit; got '"
                    + format + "'");
        };
    }
}
