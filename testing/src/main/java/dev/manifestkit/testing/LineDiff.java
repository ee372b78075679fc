package dev.manifestkit.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts, line by line, with three lines of context: what a failed snapshot
 * shows so that the change can be read without opening either file.
 */
final class LineDiff {

    private static final int CONTEXT = 3;
    /** Beyond this many cells the middle part is shown as replaced wholesale rather than aligned. */
    private static final long MAX_CELLS = 4_000_000L;

    private enum Op { SAME, REMOVED, ADDED }

    private record Line(Op op, String text, int oldLine, int newLine) {
    }

    private LineDiff() {
    }

    /**
     * The diff, or the empty string when the texts are equal.
     *
     * @param expected      the old text (the snapshot)
     * @param actual        the new text
     * @param expectedLabel how to name the old text in the {@code ---} header
     * @param actualLabel   how to name the new text in the {@code +++} header
     */
    static String unified(String expected, String actual, String expectedLabel, String actualLabel) {
        if (expected.equals(actual)) {
            return "";
        }
        var lines = align(split(expected), split(actual));
        var out = new StringBuilder();
        out.append("--- ").append(expectedLabel).append('\n');
        out.append("+++ ").append(actualLabel).append('\n');
        int i = 0;
        while (i < lines.size()) {
            if (lines.get(i).op() == Op.SAME) {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            // extend the hunk while changes are closer than two contexts apart
            while (end < lines.size()) {
                int nextChange = end;
                while (nextChange < lines.size() && lines.get(nextChange).op() == Op.SAME) {
                    nextChange++;
                }
                if (nextChange >= lines.size() || nextChange - end > 2 * CONTEXT) {
                    end = Math.min(lines.size(), end + CONTEXT);
                    break;
                }
                end = nextChange;
                while (end < lines.size() && lines.get(end).op() != Op.SAME) {
                    end++;
                }
            }
            appendHunk(out, lines.subList(start, end));
            i = end;
        }
        if (expected.endsWith("\n") != actual.endsWith("\n")) {
            out.append(actual.endsWith("\n") ? "\\ expected text has no newline at end\n"
                    : "\\ actual text has no newline at end\n");
        }
        return out.toString();
    }

    private static void appendHunk(StringBuilder out, List<Line> hunk) {
        int oldStart = 0;
        int newStart = 0;
        int oldCount = 0;
        int newCount = 0;
        for (var line : hunk) {
            if (line.op() != Op.ADDED) {
                if (oldCount++ == 0) {
                    oldStart = line.oldLine();
                }
            }
            if (line.op() != Op.REMOVED) {
                if (newCount++ == 0) {
                    newStart = line.newLine();
                }
            }
        }
        out.append("@@ -").append(oldStart).append(',').append(oldCount)
                .append(" +").append(newStart).append(',').append(newCount).append(" @@\n");
        for (var line : hunk) {
            out.append(switch (line.op()) {
                case SAME -> ' ';
                case REMOVED -> '-';
                case ADDED -> '+';
            }).append(line.text()).append('\n');
        }
    }

    private static List<String> split(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        var body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return List.of(body.split("\n", -1));
    }

    /** Aligns the two line lists by their longest common subsequence. */
    private static List<Line> align(List<String> a, List<String> b) {
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        var result = new ArrayList<Line>();
        for (int k = 0; k < prefix; k++) {
            result.add(new Line(Op.SAME, a.get(k), k + 1, k + 1));
        }
        var midA = a.subList(prefix, a.size() - suffix);
        var midB = b.subList(prefix, b.size() - suffix);
        int n = midA.size();
        int m = midB.size();
        if ((long) (n + 1) * (m + 1) > MAX_CELLS) {
            for (int k = 0; k < n; k++) {
                result.add(new Line(Op.REMOVED, midA.get(k), prefix + k + 1, 0));
            }
            for (int k = 0; k < m; k++) {
                result.add(new Line(Op.ADDED, midB.get(k), 0, prefix + k + 1));
            }
        } else {
            var lcs = new int[n + 1][m + 1];
            for (int x = n - 1; x >= 0; x--) {
                for (int y = m - 1; y >= 0; y--) {
                    lcs[x][y] = midA.get(x).equals(midB.get(y)) ? lcs[x + 1][y + 1] + 1
                            : Math.max(lcs[x + 1][y], lcs[x][y + 1]);
                }
            }
            int x = 0;
            int y = 0;
            while (x < n || y < m) {
                if (x < n && y < m && midA.get(x).equals(midB.get(y))) {
                    result.add(new Line(Op.SAME, midA.get(x), prefix + x + 1, prefix + y + 1));
                    x++;
                    y++;
                } else if (x < n && (y == m || lcs[x + 1][y] >= lcs[x][y + 1])) {
                    result.add(new Line(Op.REMOVED, midA.get(x), prefix + x + 1, 0));
                    x++;
                } else {
                    result.add(new Line(Op.ADDED, midB.get(y), 0, prefix + y + 1));
                    y++;
                }
            }
        }
        for (int k = 0; k < suffix; k++) {
            int oldIndex = a.size() - suffix + k;
            int newIndex = b.size() - suffix + k;
            result.add(new Line(Op.SAME, a.get(oldIndex), oldIndex + 1, newIndex + 1));
        }
        return result;
    }
}
