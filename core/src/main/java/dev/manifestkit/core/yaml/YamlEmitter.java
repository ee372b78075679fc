package dev.manifestkit.core.yaml;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Block YAML of a Jackson tree, character for character what Jackson's YAML generator over
 * snakeyaml-engine (3.0.1) writes with {@link ManifestWriter}'s settings, but for two YAML 1.1
 * fixes: {@link ScalarQuoting} picks plain or double-quoted, multi-line strings ask for a literal
 * block, keys that cannot be simple go after {@code "? "}, lines are never split.
 *
 * <p>Why it exists: speed, and exact control of the YAML 1.1-safe output. The generator turns every
 * node into an emitter event, queued, analysed and written through a state machine (about 8 µs and
 * 10 KB per Kubernetes object); this writes the same text straight into a {@link StringBuilder}.
 * It makes the emitter's decisions, not approximations of them: the requested style first, then
 * the emitter's scalar analysis ({@link #analyze}), which may veto a plain style (single or double
 * quotes instead) or a literal block (double quotes instead).
 *
 * <p>The first fix: snakeyaml-engine reads YAML 1.2, where U+0085, U+2028 and U+2029 are ordinary
 * characters, and writes them raw, in literal blocks too. YAML 1.1 readers (kubectl, the API
 * server, PyYAML, SnakeYAML) take them for line breaks, which changes the text or breaks the
 * document. Here a string holding one is double-quoted, the character escaped ({@code \N} for
 * U+0085, the six-character hex escape for the other two). (The emitter also pairs a lone high
 * surrogate with whatever character follows it, making one wrong character of two; here it is
 * escaped alone.)
 *
 * <p>The second: numbers in exponent form get a '.' in the mantissa and a sign on the exponent
 * ({@link #yaml11Exponent}), or YAML 1.1 readers take them for strings.
 *
 * <p>Non-JSON nodes (binary, POJO), which no tree from a Kubernetes object holds, are left to
 * Jackson: {@link #write} then returns {@code false}.
 */
final class YamlEmitter {

    /** snakeyaml-engine's default {@code maxSimpleKeyLength}: longer keys are written as {@code ? key}. */
    private static final int MAX_SIMPLE_KEY_LENGTH = 128;

    private static final int PLAIN = 1;
    private static final int SINGLE_QUOTED = 2;
    private static final int LITERAL = 4;

    private static final String HEX = "0123456789abcdef";

    private final StringBuilder out;

    private YamlEmitter(StringBuilder out) {
        this.out = out;
    }

    /**
     * Appends one document: {@code ---} first unless it is the first of the stream, a newline at
     * the end. Returns {@code false}, with {@code out} as it was, when the tree needs Jackson.
     */
    static boolean write(ObjectNode tree, boolean first, StringBuilder out) {
        int mark = out.length();
        if (!first) {
            out.append(tree.isEmpty() ? "--- " : "---\n");
        }
        var emitter = new YamlEmitter(out);
        boolean written = tree.isEmpty() ? emitter.append("{}\n") : emitter.mapping(tree, 0, false);
        if (!written) {
            out.setLength(mark);
        }
        return written;
    }

    private boolean append(String text) {
        out.append(text);
        return true;
    }

    // --- collections: Jackson's block style, sequences under a key not indented --------------------

    /** Entries at {@code indent}; the first on the current line when {@code inline} (after {@code "- "}). */
    private boolean mapping(JsonNode node, int indent, boolean inline) {
        // by name, not by entry: a frozen tree makes an entry object per step
        for (String name : node.propertyNames()) {
            if (!inline) {
                pad(indent);
            }
            inline = false;
            boolean explicit = key(name, indent);
            out.append(':');
            JsonNode value = node.get(name);
            // after an explicit key's ':' a collection starts on the same line, as after "- "
            boolean written = switch (value.getNodeType()) {
                case OBJECT -> value.isEmpty() ? append(" {}\n")
                        : explicit ? space() && mapping(value, indent + 2, true)
                        : newline() && mapping(value, indent + 2, false);
                case ARRAY -> value.isEmpty() ? append(" []\n")
                        : explicit ? space() && sequence(value, indent + 2, true)
                        : newline() && sequence(value, indent, false);
                default -> scalar(value, indent + 2);
            };
            if (!written) {
                return false;
            }
        }
        return true;
    }

    private boolean sequence(JsonNode node, int indent, boolean inline) {
        for (JsonNode item : node.values()) {
            if (!inline) {
                pad(indent);
            }
            inline = false;
            out.append('-');
            boolean written = switch (item.getNodeType()) {
                case OBJECT -> item.isEmpty() ? append(" {}\n") : space() && mapping(item, indent + 2, true);
                case ARRAY -> item.isEmpty() ? append(" []\n") : space() && sequence(item, indent + 2, true);
                default -> scalar(item, indent + 2);
            };
            if (!written) {
                return false;
            }
        }
        return true;
    }

    private boolean newline() {
        out.append('\n');
        return true;
    }

    private boolean space() {
        out.append(' ');
        return true;
    }

    private void pad(int indent) {
        for (int i = 0; i < indent; i++) {
            out.append(' ');
        }
    }

    // --- scalars ------------------------------------------------------------------------------------

    /**
     * A key, as the emitter writes it: simple, or after {@code "? "} on a line of its own when it
     * is empty, multi-line or {@value #MAX_SIMPLE_KEY_LENGTH} characters or longer (YAML 1.1
     * readers refuse simple keys beyond 1024 characters). Returns {@code true} for the explicit
     * form, whose {@code ':'} then starts the next line at {@code indent}.
     */
    private boolean key(String key, int indent) {
        boolean explicit = key.isEmpty() || key.length() >= MAX_SIMPLE_KEY_LENGTH || key.indexOf('\n') >= 0;
        if (explicit) {
            out.append("? ");
        }
        if (ScalarQuoting.needsQuotes(key)) {
            doubleQuoted(key);
        } else {
            plainRequested(key);
        }
        if (explicit) {
            out.append('\n');
            pad(indent);
        }
        return explicit;
    }

    /** A value after {@code "key:"} or {@code "-"}, then the line break; {@code indent} is a literal block's. */
    private boolean scalar(JsonNode node, int indent) {
        out.append(' ');
        switch (node.getNodeType()) {
            case STRING -> {
                if (string(node.asString(), indent)) {
                    return true; // a literal block ends its own last line
                }
            }
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            case NUMBER -> plainRequested(number(node));
            default -> {
                return false;
            }
        }
        out.append('\n');
        return true;
    }

    /** The text Jackson's generator writes for a number node, exponents made YAML 1.1 floats. */
    private static String number(JsonNode node) {
        if (node.isDouble() || node.isFloat()) {
            double value = node.doubleValue();
            if (Double.isNaN(value)) {
                return ".nan";
            }
            if (Double.isInfinite(value)) {
                return value > 0 ? ".inf" : "-.inf";
            }
            return yaml11Exponent(node.isFloat() ? Float.toString(node.floatValue()) : Double.toString(value));
        }
        if (node.isBigDecimal()) {
            return yaml11Exponent(node.decimalValue().toString());
        }
        if (node.isBigInteger()) {
            return node.bigIntegerValue().toString();
        }
        return Long.toString(node.longValue());
    }

    /**
     * A number in exponent form as YAML 1.1 spells a float: a '.' in the mantissa and a sign on
     * the exponent. Java writes {@code 1.0E20} and {@code 1E+3}, which PyYAML and the YAML 1.1
     * spec read as strings; {@code 1.0E+20} and {@code 1.0E+3} are floats to every reader.
     */
    static String yaml11Exponent(String number) {
        int e = number.indexOf('E');
        if (e < 0) {
            return number;
        }
        var out = new StringBuilder(number.length() + 3).append(number, 0, e);
        if (number.lastIndexOf('.', e) < 0) {
            out.append(".0");
        }
        out.append('E');
        char sign = number.charAt(e + 1);
        if (sign != '+' && sign != '-') {
            out.append('+');
        }
        return out.append(number, e + 1, number.length()).toString();
    }

    /**
     * The generator's choice (quote, literal or plain), then the emitter's veto; {@code true} when
     * written as a literal block.
     */
    private boolean string(String value, int indent) {
        if (value.isEmpty()) {
            out.append("\"\"");
        } else if (value.indexOf('\n') >= 0) {
            if ((analyze(value) & LITERAL) != 0) {
                literal(value, indent);
                return true;
            }
            doubleQuoted(value);
        } else if (ScalarQuoting.needsQuotes(value)) {
            doubleQuoted(value);
        } else {
            plainRequested(value);
        }
        return false;
    }

    /** Plain where the emitter allows it in block context, else single-quoted, else double-quoted. */
    private void plainRequested(String value) {
        int allowed = analyze(value);
        if ((allowed & PLAIN) != 0) {
            out.append(value);
        } else if ((allowed & SINGLE_QUOTED) != 0) {
            out.append('\'');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                out.append(c);
                if (c == '\'') {
                    out.append('\'');
                }
            }
            out.append('\'');
        } else {
            doubleQuoted(value);
        }
    }

    /** A literal block: {@code |}, the indentation indicator when needed, the chomping indicator. */
    private void literal(String value, int indent) {
        int length = value.length();
        out.append('|');
        if (value.charAt(0) == '\n' || value.charAt(0) == ' ') {
            out.append('2');
        }
        boolean endsWithBreak = value.charAt(length - 1) == '\n';
        if (!endsWithBreak) {
            out.append('-');
        } else if (length == 1 || value.charAt(length - 2) == '\n') {
            out.append('+');
        }
        out.append('\n');
        int start = 0;
        while (start < length) {
            int end = value.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            if (end > start) {
                pad(indent);
                out.append(value, start, end);
            }
            out.append('\n');
            start = end + 1;
        }
    }

    /** snakeyaml-engine's {@code writeDoubleQuoted}, lines not split. */
    private void doubleQuoted(String value) {
        out.append('"');
        int length = value.length();
        int start = 0;
        for (int end = 0; end < length; end++) {
            char c = value.charAt(end);
            if (c >= 0x20 && c <= 0x7E && c != '"' && c != '\\') {
                continue;
            }
            out.append(value, start, end);
            String escape = escape(c);
            if (escape != null) {
                out.append('\\').append(escape);
            } else {
                // a lone surrogate stays one escaped char; snakeyaml-engine pairs it with whatever
                // follows, which makes a different character of both
                int codePoint = Character.isHighSurrogate(c) && end + 1 < length
                        && Character.isLowSurrogate(value.charAt(end + 1))
                        ? Character.toCodePoint(c, value.charAt(end + 1))
                        : c;
                if (isPrintable(codePoint)) {
                    out.appendCodePoint(codePoint);
                    if (Character.charCount(codePoint) == 2) {
                        end++;
                    }
                } else if (c <= 0xFF) {
                    out.append("\\x");
                    hex(c, 2);
                } else if (Character.charCount(codePoint) == 2) {
                    end++;
                    out.append("\\U");
                    hex(codePoint, 8);
                } else {
                    out.append("\\u");
                    hex(c, 4);
                }
            }
            start = end + 1;
        }
        out.append(value, start, length).append('"');
    }

    private void hex(int value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            out.append(HEX.charAt((value >>> shift) & 0xF));
        }
    }

    /** The emitter's {@code ESCAPE_REPLACEMENTS}. */
    private static String escape(char c) {
        return switch (c) {
            case '\0' -> "0";
            case '\u0007' -> "a";
            case '\b' -> "b";
            case '\t' -> "t";
            case '\n' -> "n";
            case '\u000B' -> "v";
            case '\f' -> "f";
            case '\r' -> "r";
            case '\u001B' -> "e";
            case '"' -> "\"";
            case '\\' -> "\\";
            case '\u0085' -> "N";
            case '\u00A0' -> "_";
            case '\u2028' -> "u2028"; // not \L and \P: snakeyaml-engine knows no such escapes
            case '\u2029' -> "u2029";
            default -> null;
        };
    }

    /** snakeyaml-engine's {@code StreamReader.isPrintable}. */
    private static boolean isPrintable(int c) {
        return c >= 0x20 && c <= 0x7E || c == 0x9 || c == 0xA || c == 0xD || c == 0x85
                || c >= 0xA0 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF;
    }

    /**
     * snakeyaml-engine's {@code Emitter.analyzeScalar} for a non-empty string in block context:
     * which of {@link #PLAIN}, {@link #SINGLE_QUOTED} and {@link #LITERAL} it allows. A line break
     * is {@code '\n'} only, as in that version.
     *
     * <p>One difference: a tab does not veto a literal block, as it does there (it counts tabs among
     * the special characters). Every reader takes a tab in a block's text as text (go-yaml's own
     * emitter has written such blocks since v3), and a tab-indented file, a Makefile or a TSV in a
     * ConfigMap would otherwise become one double-quoted line. A tab before a line break or at the
     * end still does, as a space does: invisible whitespace at a line's end is lost to editors. So
     * does a tab as the very first character: such a block needs an indentation indicator (go-yaml
     * and libyaml refuse a first line that starts with a tab without one), and kustomize, which
     * keeps a block a block, writes it again without the indicator and then fails on its own text.
     */
    static int analyze(String s) {
        int length = s.length();
        boolean blockIndicators = s.startsWith("---") || s.startsWith("...");
        boolean special = false;
        boolean tab = false;
        boolean leadingTab = false;
        boolean leadingOrTrailing = false;
        boolean trailingSpace = false;
        boolean breakSpace = false;
        boolean spaceBreak = false;
        boolean precededByWhitespace = true;
        boolean followedByWhitespace = length == 1 || isBlankOrBreak(s.codePointAt(1));
        boolean previousSpace = false;
        boolean previousBreak = false;
        int index = 0;
        while (index < length) {
            int c = s.codePointAt(index);
            if (index == 0) {
                if ("#,[]{}&*!|>'\"%@`".indexOf(c) >= 0
                        || (c == '?' || c == ':' || c == '-') && followedByWhitespace) {
                    blockIndicators = true;
                }
            } else if (c == ':' && followedByWhitespace || c == '#' && precededByWhitespace) {
                blockIndicators = true;
            }
            boolean lineBreak = c == '\n';
            if (c == '\t') {
                tab = true;
                leadingTab |= index == 0;
            } else if (!(lineBreak || c >= 0x20 && c <= 0x7E) && !(c >= 0xA0 && c <= 0xD7FF
                    || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF) || isYaml11Break(c)) {
                special = true;
            }
            if (c == ' ' || c == '\t') {
                if (index == 0 || index == length - 1) {
                    leadingOrTrailing = true;
                }
                trailingSpace |= index == length - 1;
                breakSpace |= previousBreak;
                previousSpace = true;
                previousBreak = false;
            } else if (lineBreak) {
                if (index == 0 || index == length - 1) {
                    leadingOrTrailing = true;
                }
                spaceBreak |= previousSpace;
                previousSpace = false;
                previousBreak = true;
            } else {
                previousSpace = false;
                previousBreak = false;
            }
            index += Character.charCount(c);
            precededByWhitespace = c == 0 || c == ' ' || c == '\t' || lineBreak;
            followedByWhitespace = true;
            if (index + 1 < length) {
                int next = index + Character.charCount(s.codePointAt(index));
                if (next < length) {
                    int n = s.codePointAt(next);
                    followedByWhitespace = n == 0 || n == ' ' || n == '\t' || lineBreak;
                }
            }
        }
        boolean anyQuotes = !breakSpace && !spaceBreak && !special && !tab;
        int allowed = 0;
        if (anyQuotes && !leadingOrTrailing && !blockIndicators) {
            allowed |= PLAIN;
        }
        if (anyQuotes) {
            allowed |= SINGLE_QUOTED;
        }
        if (!trailingSpace && !spaceBreak && !special && !leadingTab) {
            allowed |= LITERAL;
        }
        return allowed;
    }

    /**
     * Line breaks to YAML 1.1 (kubectl, PyYAML, SnakeYAML) that YAML 1.2 prints as ordinary
     * characters: the emitter would keep them raw in a literal block, where a YAML 1.1 reader ends
     * the line (and then the block) at them.
     */
    private static boolean isYaml11Break(int c) {
        return c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    /** snakeyaml-engine's {@code NULL_BL_T_LINEBR}: {@code \0}, space, tab, CR, LF. */
    private static boolean isBlankOrBreak(int c) {
        return c == 0 || c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }
}
