package dev.manifestkit.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import dev.manifestkit.core.MessageText;

/**
 * Everything one validation run found: a result per object (valid ones included, so reports can
 * list what passed) and the files that could not be read at all. Immutable; results are sorted
 * by origin and document index (a List's items in their order), problems within a result by position, path
 * and rule.
 */
public final class ValidationReport {

    private final List<ResourceResult> resources;
    private final List<FileError> fileErrors;
    /** Objects without errors, counted once: reports of thousands of objects are asked often. */
    private final int validCount;

    private ValidationReport(List<ResourceResult> resources, List<FileError> fileErrors) {
        this.resources = resources.stream().sorted((a, b) -> Problems.OBJECTS.compare(a.object(), b.object())).toList();
        this.fileErrors = fileErrors.stream().sorted(Problems.FILES).toList();
        this.validCount = (int) this.resources.stream().filter(ResourceResult::valid).count();
    }

    /** A report of these results and file errors (sorted on the way in). */
    public static ValidationReport of(List<ResourceResult> resources, List<FileError> fileErrors) {
        return new ValidationReport(Objects.requireNonNull(resources, "resources"),
                Objects.requireNonNull(fileErrors, "fileErrors"));
    }

    /** A report with these file errors added, such as files a CLI could not parse. */
    public ValidationReport withFileErrors(List<FileError> more) {
        var all = new ArrayList<>(fileErrors);
        all.addAll(more);
        return new ValidationReport(resources, all);
    }

    /** One result per validated object, sorted by origin and document index (a List's items in their order). */
    public List<ResourceResult> resources() {
        return resources;
    }

    /** Files that could not be read into objects. */
    public List<FileError> fileErrors() {
        return fileErrors;
    }

    /** Every problem of every object, in report order. */
    public List<Problem> problems() {
        return resources.stream().flatMap(r -> r.problems().stream()).toList();
    }

    /** The problems of severity error. */
    public List<Problem> errors() {
        return withSeverity(Severity.ERROR);
    }

    /** The problems of severity warning. */
    public List<Problem> warnings() {
        return withSeverity(Severity.WARNING);
    }

    private List<Problem> withSeverity(Severity severity) {
        return resources.stream().flatMap(r -> r.problems().stream())
                .filter(p -> p.severity() == severity).toList();
    }

    /** True if any object has an error or any file could not be read. */
    public boolean hasErrors() {
        return !fileErrors.isEmpty() || validCount < resources.size();
    }

    /**
     * Throws if {@link #hasErrors()}; warnings never throw.
     *
     * @throws ValidationException whose message is a one-line summary per error
     */
    public void throwIfErrors() {
        if (hasErrors()) {
            throw new ValidationException(this);
        }
    }

    /**
     * A report keeping only the problems that match (every object and file error stays). Problems
     * that were not shown cannot be tested one by one: their counts stay, all of them, where the
     * last problem that tells of them ({@value ResourceResult#TOO_MANY_RULE}) matches.
     */
    public ValidationReport filter(Predicate<Problem> keep) {
        var kept = resources.stream()
                .map(r -> {
                    var problems = r.problems().stream().filter(keep).toList();
                    boolean counted = problems.stream().anyMatch(p -> p.ruleId().equals(ResourceResult.TOO_MANY_RULE));
                    return new ResourceResult(r.object(), problems, counted ? r.notShown() : ResourceResult.NotShown.NONE);
                })
                .toList();
        return new ValidationReport(kept, fileErrors);
    }

    /** Number of objects without errors. */
    public int validCount() {
        return validCount;
    }

    /** Number of objects with at least one error. */
    public int invalidCount() {
        return resources.size() - validCount();
    }

    /**
     * Errors found, in objects (those not shown included; see {@link ResourceResult#MAX_PROBLEMS})
     * and unreadable files.
     */
    public long errorCount() {
        return count(Severity.ERROR) + fileErrors.size();
    }

    /** Warnings found, those not shown included. */
    public long warningCount() {
        return count(Severity.WARNING);
    }

    private long count(Severity severity) {
        long count = 0;
        for (var resource : resources) {
            count += resource.count(severity);
        }
        return count;
    }

    /** Problems found beyond {@link ResourceResult#MAX_PROBLEMS} of an object, and so not listed. */
    public long notShownCount() {
        long count = 0;
        for (var resource : resources) {
            count += resource.notShown().total();
        }
        return count;
    }

    private long notShown(Severity severity) {
        long count = 0;
        for (var resource : resources) {
            count += resource.notShown().of(severity);
        }
        return count;
    }

    /**
     * {@code 3 resources: 2 valid, 1 invalid; 2 errors, 1 warning} (and unreadable files, if any);
     * problems found beyond {@link ResourceResult#MAX_PROBLEMS} of an object count too:
     * {@code 4000000 errors (3999000 not shown)}.
     */
    public String summary() {
        var sb = new StringBuilder()
                .append(plural(resources.size(), "resource")).append(": ")
                .append(validCount()).append(" valid, ").append(invalidCount()).append(" invalid; ")
                .append(plural(errorCount(), "error")).append(notShownNote(Severity.ERROR)).append(", ")
                .append(plural(warningCount(), "warning")).append(notShownNote(Severity.WARNING));
        if (!fileErrors.isEmpty()) {
            sb.append("; ").append(plural(fileErrors.size(), "file")).append(" could not be read");
        }
        return sb.toString();
    }

    /**
     * The API server's way of saying it, for exceptions: one line when there is one error,
     * otherwise a headline and one line per error.
     */
    String errorSummary() {
        var errors = errors();
        var invalid = resources.stream().filter(r -> !r.valid()).toList();
        var lines = new ArrayList<String>();
        errors.forEach(p -> lines.add(p.toString()));
        fileErrors.forEach(f -> lines.add(f.toString()));
        if (invalid.size() == 1 && fileErrors.isEmpty()) {
            var object = invalid.get(0).object();
            var head = "The " + MessageText.oneLine(object.kind()) + " "
                    + (object.name() == null ? "\"?\"" : MessageText.quote(object.name())) + " is invalid: ";
            if (errors.size() == 1) {
                return head + errors.get(0).message() + " [" + errors.get(0).ruleId() + "]";
            }
            return head + plural(errors.size(), "error") + "\n  " + String.join("\n  ", lines);
        }
        var objects = invalid.isEmpty() ? "" : " in " + plural(invalid.size(), "object");
        var files = fileErrors.isEmpty() ? "" : (objects.isEmpty() ? " in " : " and ") + plural(fileErrors.size(), "unreadable file");
        return "manifests are invalid: " + plural(errors.size() + fileErrors.size(), "error") + objects + files
                + "\n  " + String.join("\n  ", lines);
    }

    private String notShownNote(Severity severity) {
        long notShown = notShown(severity);
        return notShown == 0 ? "" : " (" + notShown + " not shown)";
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    @Override
    public String toString() {
        return "ValidationReport[" + summary() + "]";
    }
}
