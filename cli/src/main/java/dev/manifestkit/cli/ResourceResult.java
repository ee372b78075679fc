package dev.manifestkit.cli;

import java.util.List;

import dev.manifestkit.validation.Problem;
import dev.manifestkit.validation.Severity;

/**
 * The verdict on one resource (or on a file that could not be read as resources): what the
 * reports print, one entry per resource.
 *
 * @param file      the input's name, as reports show it
 * @param document  0-based YAML document index in the file; items of a {@code kind: List} share
 *                  their list's index
 * @param kind      the resource's kind, or null if it has none (or the file could not be read)
 * @param namespace {@code metadata.namespace}, or null
 * @param name      {@code metadata.name}, or null
 * @param problems  what is wrong, errors and warnings, in the order found
 */
record ResourceResult(String file, int document, String kind, String namespace, String name,
                      List<Problem> problems) {

    ResourceResult {
        problems = List.copyOf(problems);
    }

    /** This result with more problems appended. */
    ResourceResult with(List<Problem> more) {
        if (more.isEmpty()) {
            return this;
        }
        var all = new java.util.ArrayList<Problem>(problems.size() + more.size());
        all.addAll(problems);
        all.addAll(more);
        return new ResourceResult(file, document, kind, namespace, name, all);
    }

    /** True if no problem is an error (warnings allowed). */
    boolean valid() {
        return count(Severity.ERROR) == 0;
    }

    /** Number of problems of this severity. */
    int count(Severity severity) {
        var n = 0;
        for (var problem : problems) {
            if (problem.severity() == severity) {
                n++;
            }
        }
        return n;
    }

    /** {@code Kind/namespace/name}, {@code Kind/name}, or the file when there is no kind. */
    String label() {
        if (kind == null) {
            return file;
        }
        var sb = new StringBuilder(kind).append('/');
        if (namespace != null && !namespace.isEmpty()) {
            sb.append(namespace).append('/');
        }
        return sb.append(name == null ? "?" : name).toString();
    }
}
