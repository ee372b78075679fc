package dev.manifestkit.validation.report;

import java.io.IOException;
import java.io.Writer;

import dev.manifestkit.core.MessageText;
import dev.manifestkit.validation.Problem;
import dev.manifestkit.validation.Severity;
import dev.manifestkit.validation.ValidationReport;

/**
 * One line per problem, in the compiler style editors and CI logs link to, then a summary:
 * <pre>
 * deploy.yaml:12:7: Deployment/fib/web: spec.replicas: Invalid value: "3": must be of type integer [schema]
 * deploy.yaml:20:9: Deployment/fib/web: spec.template.spec.containers[0].image: Advice: … [lint/image-tag, warning]
 * 2 resources: 1 valid, 1 invalid; 1 error, 1 warning
 * </pre>
 * Objects built in memory have no file and print without the position. Every part of a line is
 * escaped and bounded ({@link MessageText}), so a problem is one line whatever the input.
 */
public final class TextReport implements ReportWriter {

    private static final String MEMORY = "<memory>";

    @Override
    public void write(ValidationReport report, Writer out) throws IOException {
        for (var fileError : report.fileErrors()) {
            out.write(fileError + " [read]\n");
        }
        for (var resource : report.resources()) {
            for (var problem : resource.problems()) {
                out.write(line(problem));
                out.write('\n');
            }
        }
        out.write(report.summary());
        out.write('\n');
    }

    /** The line of one problem; its parts are escaped and bounded where they are made ({@link MessageText}). */
    static String line(Problem problem) {
        var sb = new StringBuilder();
        var origin = problem.object().origin();
        if (origin != null && !origin.equals(MEMORY)) {
            sb.append(MessageText.oneLine(origin, MessageText.MAX_TEXT));
            if (problem.location() != null) {
                sb.append(':').append(problem.location());
            }
            sb.append(": ");
        }
        sb.append(problem.object()).append(": ").append(problem.message()).append(" [").append(problem.ruleId());
        if (problem.severity() != Severity.ERROR) {
            sb.append(", ").append(problem.severity().label());
        }
        return sb.append(']').toString();
    }
}
