package dev.manifestkit.cli;

import java.io.PrintStream;

import dev.manifestkit.validation.Problem;

/**
 * The text report: one line per problem, compiler style, then one summary line.
 *
 * <pre>
 * deploy.yaml:12:18: error: Deployment/web: spec.replicas: Invalid value: "two": must be an integer [schema]
 * Summary: 3 resources in 2 files: 2 valid, 1 invalid; 1 error, 0 warnings
 * </pre>
 */
final class TextResults implements ResultWriter {

    private final PrintStream out;

    TextResults(PrintStream out) {
        this.out = out;
    }

    @Override
    public void write(ResourceResult result) {
        for (var problem : result.problems()) {
            out.println(line(result, problem));
        }
    }

    @Override
    public void finish(Summary summary) {
        out.println("Summary: " + plural(summary.resources(), "resource") + " in " + plural(summary.files(), "file")
                + ": " + summary.valid() + " valid, " + summary.invalid() + " invalid; "
                + plural(summary.errors(), "error") + ", " + plural(summary.warnings(), "warning"));
        out.flush();
    }

    /** One problem as one line. */
    static String line(ResourceResult result, Problem problem) {
        var sb = new StringBuilder(result.file());
        if (problem.location() != null) {
            sb.append(':').append(problem.location().line()).append(':').append(problem.location().column());
        } else if (result.document() > 0) {
            sb.append(" (document ").append(result.document() + 1).append(')');
        }
        sb.append(": ").append(problem.severity().label()).append(": ");
        if (result.kind() != null) {
            sb.append(result.label()).append(": ");
        }
        return sb.append(message(problem)).append(" [").append(problem.ruleId()).append(']').toString();
    }

    /** The problem's message; for a file that could not be read, just what the reader said. */
    static String message(Problem problem) {
        return problem.ruleId().equals(ValidateCommand.READ_RULE) ? problem.detail() : problem.message();
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
