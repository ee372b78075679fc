package dev.manifestkit.validation;

import java.util.List;
import java.util.Objects;

/**
 * What validation found about one object: the object and its problems, sorted.
 *
 * @param object   the object
 * @param problems its problems, errors and warnings alike; empty when it passed every rule
 */
public record ResourceResult(ObjectRef object, List<Problem> problems) {

    public ResourceResult {
        Objects.requireNonNull(object, "object");
        problems = problems.isEmpty() ? List.of() : problems.stream().sorted(Problems.ORDER).toList();
    }

    /** True if no problem is an error (warnings allowed). */
    public boolean valid() {
        for (var problem : problems) {
            if (problem.severity() == Severity.ERROR) {
                return false;
            }
        }
        return true;
    }
}
