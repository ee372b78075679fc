package dev.manifestkit.maven;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.StringJoiner;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.validation.Problem;
import dev.manifestkit.validation.Severity;

/**
 * The one line logged per source or file:
 * {@code FibApp.Dev: 14 objects (Secret 1, Service 6, Deployment 5), 0 errors, 1 warning}.
 */
final class Summary {

    private Summary() {
    }

    /** Object count and kinds, kinds in the order they first appear. */
    static String objects(List<ManifestDocument> documents) {
        var perKind = new LinkedHashMap<String, Integer>();
        for (var doc : documents) {
            perKind.merge(doc.kind().orElse("?"), 1, Integer::sum);
        }
        var kinds = new StringJoiner(", ", " (", ")").setEmptyValue("");
        perKind.forEach((kind, count) -> kinds.add(kind + " " + count));
        return plural(documents.size(), "object") + kinds;
    }

    /** Error and warning counts: {@code 0 errors, 1 warning}. */
    static String problems(List<Problem> problems) {
        long errors = problems.stream().filter(p -> p.severity() == Severity.ERROR).count();
        long warnings = problems.stream().filter(p -> p.severity() == Severity.WARNING).count();
        return plural(errors, "error") + ", " + plural(warnings, "warning");
    }

    /** {@code 1 error}, {@code 2 errors}. */
    static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
