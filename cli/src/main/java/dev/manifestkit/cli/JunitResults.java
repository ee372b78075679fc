package dev.manifestkit.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.manifestkit.validation.Severity;

/**
 * The JUnit XML report: one test suite per file, one test case per resource, one
 * {@code <failure>} per error; warnings go to the test case's {@code <system-out>}. Validates
 * against the JUnit schema CI servers (and kubeconform's tests) use.
 *
 * <p>The format puts counts before the test cases, so verdicts are kept (compactly) until the end.
 */
final class JunitResults implements ResultWriter {

    private final PrintStream out;
    private final Map<String, List<ResourceResult>> byFile = new LinkedHashMap<>();

    JunitResults(PrintStream out) {
        this.out = out;
    }

    @Override
    public void write(ResourceResult result) {
        byFile.computeIfAbsent(result.file(), f -> new ArrayList<>()).add(result);
    }

    @Override
    public void finish(Summary summary) {
        var sb = new StringBuilder(4096);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<testsuites name=\"manifestkit\" tests=\"").append(summary.resources())
                .append("\" failures=\"").append(summary.invalid()).append("\" errors=\"0\" disabled=\"0\">\n");
        var id = 0;
        for (var entry : byFile.entrySet()) {
            var results = entry.getValue();
            var failures = 0;
            for (var result : results) {
                failures += result.valid() ? 0 : 1;
            }
            sb.append("  <testsuite name=\"");
            escape(sb, entry.getKey());
            sb.append("\" id=\"").append(id++).append("\" tests=\"").append(results.size())
                    .append("\" failures=\"").append(failures).append("\" errors=\"0\" disabled=\"0\" skipped=\"0\">\n");
            for (var result : results) {
                testCase(sb, result);
            }
            sb.append("  </testsuite>\n");
            out.print(sb);
            sb.setLength(0);
        }
        sb.append("</testsuites>\n");
        out.print(sb);
        out.flush();
    }

    private static void testCase(StringBuilder sb, ResourceResult result) {
        sb.append("    <testcase name=\"");
        escape(sb, result.label());
        sb.append("\" classname=\"");
        escape(sb, result.file() + "#" + result.document());
        var warnings = new StringBuilder();
        var body = new StringBuilder();
        for (var problem : result.problems()) {
            if (problem.severity() == Severity.ERROR) {
                body.append("      <failure type=\"");
                escape(body, problem.ruleId());
                body.append("\" message=\"");
                escape(body, TextResults.line(result, problem));
                body.append("\"></failure>\n");
            } else {
                warnings.append(TextResults.line(result, problem)).append('\n');
            }
        }
        if (!warnings.isEmpty()) {
            body.append("      <system-out>");
            escape(body, warnings.toString());
            body.append("</system-out>\n");
        }
        if (body.isEmpty()) {
            sb.append("\"/>\n");
        } else {
            sb.append("\">\n").append(body).append("    </testcase>\n");
        }
    }

    /** Appends text escaped for XML content and attributes, dropping characters XML 1.0 cannot hold. */
    static void escape(StringBuilder sb, String text) {
        for (var i = 0; i < text.length(); i++) {
            var c = text.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\n' -> sb.append("&#10;");
                case '\t' -> sb.append("&#9;");
                case '\r' -> sb.append("&#13;");
                default -> {
                    if (c >= 0x20 && c != 0xFFFE && c != 0xFFFF) {
                        sb.append(c);
                    } else {
                        sb.append('\uFFFD');
                    }
                }
            }
        }
    }
}
