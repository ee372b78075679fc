package dev.manifestkit.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What validation found about one object: the object and its problems, sorted.
 *
 * <p>At most {@value #MAX_PROBLEMS} errors and as many other problems are kept per object, the
 * first found, and as the validator collects them at most {@value #MAX_PROBLEMS_PER_RULE} of each
 * rule, so that one noisy rule does not hide the others and warnings do not hide errors; the rest
 * are only counted, in {@link #notShown()}, and one last problem ({@value #TOO_MANY_RULE}, as
 * severe as the worst of them) says how many there were. So one object of two million empty
 * containers makes a report of a thousand lines, not of four million, and its memory stays
 * bounded; whether the object is valid, and so the exit code, does not change.
 *
 * @param object   the object
 * @param problems its problems, errors and warnings alike; empty when it passed every rule
 * @param notShown the problems found beyond those kept, counted
 */
public record ResourceResult(ObjectRef object, List<Problem> problems, NotShown notShown) {

    /** Most errors kept for one object; as many other problems are kept besides. */
    public static final int MAX_PROBLEMS = 1000;
    /** Most problems of one rule the validator keeps for one object. */
    public static final int MAX_PROBLEMS_PER_RULE = 100;
    /** The rule id of the problem saying how many more were found and not shown. */
    public static final String TOO_MANY_RULE = "input/too-many-problems";

    /**
     * Keeps the first {@value #MAX_PROBLEMS} errors and as many other problems (a
     * {@value #TOO_MANY_RULE} problem among them is made again from the counts), sorts them and
     * counts the rest.
     */
    public ResourceResult {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(notShown, "notShown");
        if (problems.isEmpty() && notShown.total() == 0) {
            problems = List.of();
        } else {
            var kept = new ArrayList<Problem>(Math.min(problems.size(), 2 * MAX_PROBLEMS) + 1);
            int errors = 0;
            for (var problem : problems) {
                if (problem.ruleId().equals(TOO_MANY_RULE)) {
                    continue;
                }
                boolean error = problem.severity() == Severity.ERROR;
                if ((error ? errors : kept.size() - errors) < MAX_PROBLEMS) {
                    kept.add(problem);
                    errors += error ? 1 : 0;
                } else {
                    notShown = notShown.plus(problem.severity());
                }
            }
            kept.sort(Problems.ORDER);
            if (notShown.total() > 0) {
                kept.add(notShown.problem(object));
            }
            problems = List.copyOf(kept);
        }
    }

    /** A result with every problem found kept (up to {@value #MAX_PROBLEMS}). */
    public ResourceResult(ObjectRef object, List<Problem> problems) {
        this(object, problems, NotShown.NONE);
    }

    /** True if no problem is an error (warnings allowed); errors not shown count through the last problem, as severe as the worst of them. */
    public boolean valid() {
        for (var problem : problems) {
            if (problem.severity() == Severity.ERROR) {
                return false;
            }
        }
        return true;
    }

    /** Problems of a severity found, shown or not (the {@value #TOO_MANY_RULE} problem itself not counted). */
    public long count(Severity severity) {
        long shown = 0;
        for (var problem : problems) {
            if (problem.severity() == severity && !problem.ruleId().equals(TOO_MANY_RULE)) {
                shown++;
            }
        }
        return shown + notShown.of(severity);
    }

    /**
     * How many problems of each severity were found beyond {@value #MAX_PROBLEMS} and not kept.
     *
     * @param errors   errors not shown
     * @param warnings warnings not shown
     * @param infos    infos not shown
     */
    public record NotShown(long errors, long warnings, long infos) {

        /** None. */
        public static final NotShown NONE = new NotShown(0, 0, 0);

        /** All of them. */
        public long total() {
            return errors + warnings + infos;
        }

        /** Those of one severity. */
        public long of(Severity severity) {
            return switch (severity) {
                case ERROR -> errors;
                case WARNING -> warnings;
                case INFO -> infos;
            };
        }

        /** These and one more of a severity. */
        public NotShown plus(Severity severity) {
            return plus(severity, 1);
        }

        /** These and {@code count} more of a severity. */
        public NotShown plus(Severity severity, long count) {
            return switch (severity) {
                case ERROR -> new NotShown(errors + count, warnings, infos);
                case WARNING -> new NotShown(errors, warnings + count, infos);
                case INFO -> new NotShown(errors, warnings, infos + count);
            };
        }

        /** These and those. */
        public NotShown plus(NotShown more) {
            return new NotShown(errors + more.errors, warnings + more.warnings, infos + more.infos);
        }

        /** The last problem of an object with these not shown, as severe as the worst of them. */
        Problem problem(ObjectRef object) {
            Severity worst = errors > 0 ? Severity.ERROR : warnings > 0 ? Severity.WARNING : Severity.INFO;
            var counts = new ArrayList<String>(3);
            if (errors > 0) {
                counts.add(errors + (errors == 1 ? " error" : " errors"));
            }
            if (warnings > 0) {
                counts.add(warnings + (warnings == 1 ? " warning" : " warnings"));
            }
            if (infos > 0) {
                counts.add(infos + (infos == 1 ? " info" : " infos"));
            }
            return new Problem(worst, TOO_MANY_RULE, object, FieldPath.root(), ErrorType.TOO_MANY, null,
                    total() + (total() == 1 ? " more problem (" : " more problems (") + String.join(", ", counts)
                            + (total() == 1 ? ") was" : ") were") + " found and not shown: at most " + MAX_PROBLEMS_PER_RULE
                            + " of a rule, " + MAX_PROBLEMS + " errors and " + MAX_PROBLEMS + " others are kept per object", null);
        }
    }
}
