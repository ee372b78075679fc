package dev.manifestkit.core;

/**
 * Text from the input made safe to show on one line of a terminal, log or report.
 *
 * <p>Names, keys and file names come from the input, and hostile input can hold a newline (a
 * forged report line), an ANSI escape (a cleared or recoloured terminal), a bidirectional override
 * (text that reads differently than it is) or characters XML cannot carry at all. Each character
 * Go's {@code strconv.IsPrint} rejects is written as Go's {@code %q} writes it ({@code \n},
 * {@code \x1b}, {@code \u2028}), so the text stays one line and says what it holds.
 */
public final class Printable {

    private Printable() {
    }

    /** The text with every character other than letters, marks, numbers, punctuation, symbols and ' ' escaped. */
    public static String line(String text) {
        int i = 0;
        while (i < text.length() && isPrintable(text.codePointAt(i))) {
            i += Character.charCount(text.codePointAt(i));
        }
        if (i == text.length()) {
            return text;
        }
        var out = new StringBuilder(text.length() + 16).append(text, 0, i);
        while (i < text.length()) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (isPrintable(c)) {
                out.appendCodePoint(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x80) {
                out.append(String.format("\\x%02x", c));
            } else if (c <= 0xFFFF) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.append(String.format("\\U%08x", c));
            }
        }
        return out.toString();
    }

    private static boolean isPrintable(int c) {
        if (c < 0x7F) {
            return c >= 0x20;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SPACE_SEPARATOR, Character.PRIVATE_USE, Character.SURROGATE, Character.UNASSIGNED -> false;
            default -> true;
        };
    }
}
