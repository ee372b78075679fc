package dev.manifestkit.core.yaml;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;

/**
 * Seeded random strings and numbers for {@link WriterDifferentialTest}: text from every Unicode
 * plane (astral characters, combining marks, private use, non-characters), C0 and C1 controls,
 * U+FEFF, U+2028/2029, U+0085, NBSP and other odd spaces; every YAML indicator at the start, in
 * the middle and at the end; {@code ": "}, {@code " #"}, document markers at line starts, CRLF
 * and lone CR; blanks at the ends or alone; long lines and long multi-line text with none, one or
 * several trailing line breaks; and the scalars YAML 1.1, 1.2 or go-yaml resolve to other types
 * (booleans and nulls in every letter case, integers in every base, with signs, underscores and
 * sexagesimal parts, floats, infinities and NaNs, timestamps, {@code <<}, {@code =}), as they are
 * and with a character added. No lone surrogates: those the writer refuses.
 */
final class RandomScalars {

    private static final String[] PIECES = {
        "-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`",
        ": ", " #", " ", "  ", "\t", "\n", "\r\n", "\r", "\u0085", "\u2028", "\u2029", "\u00A0", "\uFEFF",
        "---", "...", "--- ", "... ", "\n---\n", "\n...\n", "\n--- x", "\n... x", "\\", "\\n", "<<", "=", "~",
        "a", "b", "Z", "x", "é", "日本", "\uD83D\uDE80", "e\u0301", "\u0301", "0", "1", "7", "9", "+", "-", ".", "_",
        "e", "E", "0x", "0o", "0b", "1_000", "12:30", ":20", "2001-12-14", "t", "T", "y", "n", "on", "off",
        "null", "true", "False", ".inf", ".NaN", "%YAML", "!!str", "&a", "*a", "- ", "? ", "key: value", "/", "$",
    };

    private static final String[] WORDS = {
        "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", "nil", "none", "<<", "=", ".inf", "-.inf",
        "+.inf", ".nan", "inf", "nan",
    };

    private static final String[] KNOWN = {
        "6.8523015e+5", "685.230_15e+03", "685_230.15", "190:20:30.15", "190:20:30", "1:20", "0755", "1_000", ".5",
        "1e3", "1E+3", "-.Inf", ".NaN", "2001-12-14t21:59:43.10-05:00", "2002-12-14", "<<", "=", "0b1010", "0o17",
        "+12_345", "0.", "-0", "1.0e+3", "0x1p-2", "1e400", "9223372036854775808", "18446744073709551616",
    };

    private final Random random;

    private RandomScalars(long seed) {
        random = new Random(seed);
    }

    /** {@code count} different strings. */
    static List<String> strings(long seed, int count) {
        var generator = new RandomScalars(seed);
        var strings = new LinkedHashSet<String>();
        while (strings.size() < count) {
            strings.add(generator.next());
        }
        return List.copyOf(strings);
    }

    /**
     * {@code count} numbers a 64-bit float can hold: ints, longs, random doubles and floats of any
     * bit pattern, big integers of up to 300 bits, big decimals of any scale, and -0.0, the
     * smallest and largest doubles.
     */
    static List<Number> numbers(long seed, int count) {
        var random = new Random(seed);
        var numbers = new ArrayList<Number>(count);
        while (numbers.size() < count) {
            Number number = switch (random.nextInt(9)) {
                case 0 -> random.nextInt();
                case 1 -> random.nextLong();
                case 2 -> Double.longBitsToDouble(random.nextLong());
                case 3 -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
                case 4 -> Float.intBitsToFloat(random.nextInt());
                case 5 -> new BigInteger(1 + random.nextInt(300), random).multiply(BigInteger.valueOf(random.nextBoolean() ? 1 : -1));
                case 6 -> new BigDecimal(new BigInteger(1 + random.nextInt(60), random), random.nextInt(60) - 30);
                case 7 -> new double[] {0.0, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1e20, 1e-7,
                    100.0, 0.5, 1e21, 123456789.0}[random.nextInt(11)];
                default -> random.nextInt(1000);
            };
            if (Double.isFinite(number.doubleValue())) {
                numbers.add(number);
            }
        }
        return numbers;
    }

    private String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    private String anyCase(String s) {
        var out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            out.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        return out.toString();
    }

    private int codePoint() {
        return switch (random.nextInt(16)) {
            case 0 -> random.nextInt(0x20);
            case 1 -> 0x7F + random.nextInt(0x21);
            case 2 -> new int[] {0xFEFF, 0x2028, 0x2029, 0x85, 0xA0, 0xFFFE, 0xFFFF, 0x1680, 0x3000, 0x200B, 0x200D,
                0x2000 + random.nextInt(11), 0xFDD0 + random.nextInt(32), 0x1FFFE, 0x10FFFF, 0xE000, 0xFFFD, 0xD7FF,
                0xF8FF, 0x202E, 0x061C, 0x00AD}[random.nextInt(22)];
            case 3 -> 0x300 + random.nextInt(0x70);
            case 4 -> new int[] {0x1AB0, 0x1DC0, 0x20D0, 0xFE20}[random.nextInt(4)] + random.nextInt(16);
            case 5 -> {
                int c;
                do {
                    c = random.nextInt(0x10000);
                } while (Character.isSurrogate((char) c));
                yield c;
            }
            case 6 -> 0x10000 + random.nextInt(0x100000);
            case 7 -> 0x1F300 + random.nextInt(0x700);
            case 8 -> 0xF0000 + random.nextInt(0x20000);
            default -> 0x20 + random.nextInt(0x5F);
        };
    }

    private String codePoints(int count) {
        var out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.appendCodePoint(codePoint());
        }
        return out.toString();
    }

    private String pieces(int count) {
        var out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (random.nextInt(6) == 0) {
                out.appendCodePoint(codePoint());
            } else {
                out.append(pick(PIECES));
            }
        }
        return out.toString();
    }

    private String digits(int count, String alphabet) {
        var out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
            if (random.nextInt(6) == 0) {
                out.append('_');
            }
        }
        return out.toString();
    }

    private String sign() {
        return pick(new String[] {"", "", "+", "-"});
    }

    /** A scalar some YAML reader resolves to a boolean, null, number, timestamp or merge key. */
    private String resolvable() {
        String decimal = "0123456789";
        return switch (random.nextInt(12)) {
            case 0 -> anyCase(pick(WORDS));
            case 1 -> sign() + digits(1 + random.nextInt(8), decimal);
            case 2 -> sign() + "0" + pick(new String[] {"x", "X", "o", "O", "b", "B"})
                    + digits(1 + random.nextInt(6), "0123456789abcdefABCDEF");
            case 3 -> sign() + "0" + digits(1 + random.nextInt(4), "01234567");
            case 4 -> {
                var out = new StringBuilder(sign()).append(1 + random.nextInt(300));
                for (int parts = 1 + random.nextInt(3); parts > 0; parts--) {
                    out.append(':').append(random.nextInt(70));
                }
                yield random.nextBoolean() ? out.append('.').append(random.nextInt(100)).toString() : out.toString();
            }
            case 5 -> {
                String mantissa = switch (random.nextInt(4)) {
                    case 0 -> "." + digits(1 + random.nextInt(4), decimal);
                    case 1 -> digits(1 + random.nextInt(4), decimal) + ".";
                    case 2 -> digits(1 + random.nextInt(4), decimal) + "." + digits(random.nextInt(5), decimal);
                    default -> digits(1 + random.nextInt(4), decimal);
                };
                String exponent = random.nextBoolean() ? ""
                        : pick(new String[] {"e", "E"}) + sign() + digits(1 + random.nextInt(3), decimal);
                yield sign() + mantissa + exponent;
            }
            case 6 -> {
                var out = new StringBuilder(String.format(random.nextBoolean() ? "%04d-%d-%d" : "%04d-%02d-%02d",
                        random.nextInt(10000), 1 + random.nextInt(12), 1 + random.nextInt(28)));
                if (random.nextBoolean()) {
                    out.append(pick(new String[] {"T", "t", " ", "  ", "\t"})).append(random.nextInt(24))
                            .append(String.format(":%02d:%02d", random.nextInt(60), random.nextInt(60)));
                    if (random.nextBoolean()) {
                        out.append('.').append(random.nextInt(1000));
                    }
                    out.append(pick(new String[] {"", "Z", "-05:00", "+1", " -5", " Z", "+01:30"}));
                }
                yield out.toString();
            }
            case 7 -> sign() + "." + anyCase(pick(new String[] {"inf", "nan", "infinity"}));
            case 8 -> anyCase(pick(new String[] {"Infinity", "NaN", "inf", "nan", "0x1p-2", "1e400"}));
            case 9 -> sign() + digits(1 + random.nextInt(3), decimal) + "_" + digits(1 + random.nextInt(3), decimal)
                    + (random.nextBoolean() ? "." + digits(random.nextInt(3), decimal) : "")
                    + (random.nextBoolean() ? "e+0" + random.nextInt(10) : "");
            case 10 -> sign() + pick(new String[] {"_", "._", ".", ""}) + digits(1 + random.nextInt(4), "0123456789_.:eE+-xob");
            default -> pick(KNOWN);
        };
    }

    /** The string with one piece or character added at the start, the end or inside (never inside a pair). */
    private String perturbed(String s) {
        String extra = random.nextBoolean() ? pick(PIECES) : Character.toString(codePoint());
        return switch (random.nextInt(3)) {
            case 0 -> extra + s;
            case 1 -> s + extra;
            default -> {
                int at = s.isEmpty() ? 0 : random.nextInt(s.length());
                if (at > 0 && Character.isLowSurrogate(s.charAt(at))) {
                    at--;
                }
                yield s.substring(0, at) + extra + s.substring(at);
            }
        };
    }

    private String line() {
        return switch (random.nextInt(8)) {
            case 0 -> "";
            case 1 -> " ".repeat(1 + random.nextInt(4)) + pieces(random.nextInt(4));
            case 2 -> pick(new String[] {"---", "...", "--- x", "... x", "---\t", "# comment", "- item", "key: v",
                "%YAML 1.1", "\t"});
            case 3 -> resolvable();
            case 4 -> codePoints(random.nextInt(6));
            case 5 -> "x".repeat(random.nextInt(200));
            default -> pieces(1 + random.nextInt(5));
        };
    }

    /** Lines of anything, mostly joined by LF, sometimes by CRLF, CR or a YAML 1.1 line break. */
    private String multiLine() {
        var out = new StringBuilder();
        String lineBreak = random.nextInt(8) == 0 ? pick(new String[] {"\r\n", "\r", "\u0085", "\u2028"}) : "\n";
        for (int i = 0, lines = 1 + random.nextInt(8); i < lines; i++) {
            if (i > 0) {
                out.append(random.nextInt(10) == 0 ? pick(new String[] {"\r\n", "\r", "\u0085"}) : lineBreak);
            }
            out.append(line());
        }
        return out.append(lineBreak.repeat(random.nextInt(4))).toString();
    }

    /** Text a person would write: config lines, some indented by spaces or tabs, that a literal block holds. */
    private String text() {
        var out = new StringBuilder();
        for (int i = 0, lines = 1 + random.nextInt(10); i < lines; i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(switch (random.nextInt(7)) {
                case 0 -> "";
                case 1 -> "  indented " + random.nextInt(100);
                case 2 -> pick(new String[] {"---", "...", "--- a", "# not a comment", "- not an item", "key: value",
                    "true", "~", "\"quoted\"", "'single'", "|", ">-"});
                case 3 -> "\tcc -o app main.c\t# " + random.nextInt(9);
                default -> "line " + random.nextInt(1000) + " with text";
            });
        }
        return out.append("\n".repeat(random.nextInt(4))).toString();
    }

    private String next() {
        return switch (random.nextInt(14)) {
            case 0 -> codePoints(random.nextInt(12));
            case 1, 2 -> pieces(random.nextInt(7));
            case 3 -> resolvable();
            case 4 -> perturbed(resolvable());
            case 5 -> multiLine();
            case 6 -> text();
            case 7 -> random.nextInt(3) == 0 ? pieces(1 + random.nextInt(3)).repeat(50 + random.nextInt(300))
                    : "w".repeat(random.nextInt(2000)) + pieces(random.nextInt(3));
            case 8 -> pick(new String[] {"", " ", "  ", "\t", " \t", "\t ", "\n", "\n\n", " \n", "\t\n", "\r\n", "\r"});
            case 9 -> {
                var out = new StringBuilder(random.nextBoolean() ? "" : "\u0301");
                for (int i = 0, letters = 1 + random.nextInt(6); i < letters; i++) {
                    out.append(pick(new String[] {"a", "é", "日", "\uD835\uDC00", "o"}));
                    for (int marks = random.nextInt(4); marks > 0; marks--) {
                        out.appendCodePoint(0x300 + random.nextInt(0x70));
                    }
                }
                yield out.toString();
            }
            case 10 -> pick(new String[] {" ", "\t", ""}) + pieces(1 + random.nextInt(4))
                    + pick(new String[] {" ", "\t", "", ":"});
            case 11 -> perturbed(perturbed(pick(PIECES)));
            case 12 -> anyCase(pick(WORDS)) + pick(new String[] {"", " ", "\t", "\n", ":", "#", " #x", "-"});
            default -> pieces(random.nextInt(3)) + codePoints(random.nextInt(4)) + pieces(random.nextInt(3));
        };
    }
}
