package dev.manifestkit.cli;

import java.util.Locale;

/** The report formats of {@code manifestkit validate -o …}. */
enum OutputFormat {
    /** One line per problem, then a summary line: for people. */
    TEXT,
    /** One JSON document with every resource and a summary: for scripts. */
    JSON,
    /** JUnit XML, one test case per resource: for CI dashboards. */
    JUNIT;

    /** Parses {@code text}, {@code json} or {@code junit}. */
    static OutputFormat parse(String text) throws UsageException {
        for (var format : values()) {
            if (format.name().toLowerCase(Locale.ROOT).equals(text)) {
                return format;
            }
        }
        throw new UsageException("validate", "unknown output format '" + text + "': use text, json or junit");
    }
}
