package dev.manifestkit.core;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * How text from the input goes into a message: escaped as Go's {@code %q} escapes what it cannot
 * print, and cut to a bound. Names, keys and values of invalid input can hold newlines, control
 * characters, bidirectional overrides or a megabyte, and every problem must still read as one line
 * of bounded length, and a forged line, an ANSI escape or an override must not reach a terminal,
 * log or report. The reader's errors, and validation's problems, field paths, object references
 * and file errors pass their parts through here, so no rule has to remember to.
 */
public final class MessageText {

    /** The most characters of one part from the input: a bad value, a name, a map key. */
    public static final int MAX_PART = 256;

    /** The most characters of a detail, a field path or a file name. */
    public static final int MAX_TEXT = 1024;

    private MessageText() {
    }

    /**
     * A string as Go's {@code %q} prints it ({@code "app"}, {@code "a\nb"}), cut to
     * {@link #MAX_PART} characters: the quote and escapes of the API server's messages, bounded.
     */
    public static String quote(String value) {
        var sb = new StringBuilder(Math.min(value.length(), MAX_PART) + 2).append('"');
        append(value, sb, true, MAX_PART + 1);
        return cut(sb.append('"').toString(), MAX_PART);
    }

    /**
     * {@code text} with every character Go would not print (line breaks, controls, format and
     * separator characters other than the space) escaped as {@code %q} escapes it, and cut to
     * {@code max} characters; the text itself when it has none and fits, as normal input does.
     * Quotes and backslashes stay as they are, so already quoted text is left alone.
     */
    public static String oneLine(String text, int max) {
        if (text == null) {
            return null;
        }
        if (printable(text)) {
            return cut(text, max);
        }
        var sb = new StringBuilder(Math.min(text.length(), max) + 8);
        append(text, sb, false, max + 1);
        return cut(sb.toString(), max);
    }

    /** {@link #oneLine(String, int)} at {@link #MAX_PART}, for a name, a key or a value. */
    public static String oneLine(String text) {
        return oneLine(text, MAX_PART);
    }

    /** {@code text} cut to {@code max} characters, ending in {@code …} when cut; a surrogate pair is never split. */
    public static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        if (max < 2) {
            return max < 1 ? "" : "…";
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    private static boolean printable(String text) {
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                i++;
                continue;
            }
            int codePoint = text.codePointAt(i);
            if (c < 0x20 || !printable(codePoint)) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }

    /** Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    private static boolean printable(int codePoint) {
        if (codePoint == ' ') {
            return true;
        }
        return switch (Character.getType(codePoint)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                 Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                 Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
                 Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                 Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                 Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    /** Appends {@code text} escaped, stopping once {@code sb} holds more than {@code limit} characters. */
    private static void append(String text, StringBuilder sb, boolean quoted, int limit) {
        for (int i = 0; i < text.length() && sb.length() <= limit; ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '"', '\\' -> {
                    if (quoted) {
                        sb.append('\\');
                    }
                    sb.append((char) c);
                }
                case 0x07 -> sb.append("\\a");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case 0x0b -> sb.append("\\v");
                default -> {
                    if (c < 0x80 && (c < 0x20 || c == 0x7f)) {
                        sb.append(String.format("\\x%02x", c));
                    } else if (c < 0x80 || printable(c)) {
                        sb.appendCodePoint(c);
                    } else if (c <= 0xffff) {
                        sb.append(String.format("\\u%04x", c));
                    } else {
                        sb.append(String.format("\\U%08x", c));
                    }
                }
            }
        }
    }

    /**
     * The system's reason for a failed file operation, as {@code strerror} words it, or null when
     * the exception says none: Java's own message for a missing or refused file is only the file's
     * name, which says nothing of why.
     */
    public static String fileSystemReason(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return null;
    }
}
