package dev.manifestkit.cli;

import java.io.PrintStream;

import dev.manifestkit.validation.Problem;

/**
 * The JSON report, streamed resource by resource:
 *
 * <pre>
 * {"resources":[{"file":…,"document":0,"kind":…,"namespace":…,"name":…,"valid":true,
 *                "problems":[{"severity":"error","rule":…,"path":…,"message":…,"line":3,"column":7}]}],
 *  "summary":{"resources":…,"valid":…,"invalid":…,"errors":…,"warnings":…}}
 * </pre>
 *
 * <p>{@code path} is the field in the API server's form ({@code spec.template.spec.containers[0].image},
 * empty for the whole object); {@code message} is the problem without the path;
 * {@code line}/{@code column} appear when the field was read from a file.
 */
final class JsonResults implements ResultWriter {

    private final PrintStream out;
    private boolean first = true;

    JsonResults(PrintStream out) {
        this.out = out;
        out.print("{\n  \"resources\": [");
    }

    @Override
    public void write(ResourceResult result) {
        var sb = new StringBuilder(256);
        sb.append(first ? "\n" : ",\n").append("    {\"file\": ");
        first = false;
        string(sb, result.file());
        sb.append(", \"document\": ").append(result.document()).append(", \"kind\": ");
        string(sb, result.kind());
        sb.append(", \"namespace\": ");
        string(sb, result.namespace());
        sb.append(", \"name\": ");
        string(sb, result.name());
        sb.append(", \"valid\": ").append(result.valid()).append(", \"problems\": [");
        var firstProblem = true;
        for (var problem : result.problems()) {
            sb.append(firstProblem ? "\n" : ",\n").append("      ");
            firstProblem = false;
            problem(sb, problem);
        }
        sb.append(firstProblem ? "]}" : "\n    ]}");
        out.print(sb);
    }

    @Override
    public void finish(Summary summary) {
        out.print((first ? "]" : "\n  ]") + ",\n  \"summary\": {\"resources\": " + summary.resources()
                + ", \"valid\": " + summary.valid() + ", \"invalid\": " + summary.invalid()
                + ", \"errors\": " + summary.errors() + ", \"warnings\": " + summary.warnings() + "}\n}\n");
        out.flush();
    }

    private static void problem(StringBuilder sb, Problem problem) {
        sb.append("{\"severity\": ");
        string(sb, problem.severity().label());
        sb.append(", \"rule\": ");
        string(sb, problem.ruleId());
        sb.append(", \"path\": ");
        string(sb, problem.path().toString());
        sb.append(", \"message\": ");
        string(sb, messageWithoutPath(problem));
        if (problem.location() != null) {
            sb.append(", \"line\": ").append(problem.location().line())
                    .append(", \"column\": ").append(problem.location().column());
        }
        sb.append('}');
    }

    /** {@code Invalid value: "two": must be an integer}: the message, the path being a field of its own. */
    static String messageWithoutPath(Problem problem) {
        if (problem.ruleId().equals(ValidateCommand.READ_RULE)) {
            return problem.detail();
        }
        var sb = new StringBuilder(problem.type().wording());
        if (problem.badValue() != null) {
            sb.append(": ").append(problem.badValue());
        }
        if (!problem.detail().isEmpty()) {
            sb.append(": ").append(problem.detail());
        }
        return sb.toString();
    }

    /** Appends a JSON string literal, or {@code null}. */
    static void string(StringBuilder sb, String value) {
        if (value == null) {
            sb.append("null");
            return;
        }
        sb.append('"');
        for (var i = 0; i < value.length(); i++) {
            var c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
