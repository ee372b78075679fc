package dev.manifestkit.core.yaml;

import java.util.Locale;
import tools.jackson.dataformat.yaml.util.StringQuotingChecker;

/**
 * Decides which strings must be quoted so that every YAML reader, by YAML 1.1 rules (kubectl, the
 * API server, PyYAML, SnakeYAML) or by YAML 1.2 rules (Jackson, yq), reads them back as strings.
 *
 * <p>The rules err on the side of quoting: a quoted string is always read as a string, while a bare
 * {@code on} in an env value becomes a boolean and the API server rejects the object. Quoted are:
 * the empty string; every spelling of booleans and nulls ({@code y}, {@code Yes}, {@code off},
 * {@code ~}, …, in any letter case); {@code =} and {@code <<}; anything number-like (decimal,
 * {@code 0755}, {@code 0o17}, {@code 0x1F}, {@code 0b101}, {@code 1_000}, {@code +_1}, {@code 12:30},
 * {@code 1e3}, {@code .5}, {@code ._5}, {@code .inf}, {@code .NaN}, …); dates and timestamps; strings with
 * leading or trailing blanks, starting with a YAML indicator or a document marker, containing
 * {@code ": "} or {@code " #"}, ending with {@code ':'}, or holding control or other special
 * characters.
 */
final class ScalarQuoting extends StringQuotingChecker {

    private static final long serialVersionUID = 1L;

    static final ScalarQuoting INSTANCE = new ScalarQuoting();

    private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";
    private static final String NUMBER_CHARS = "0123456789abcdefABCDEF_.:xXoObBeE+-";

    private ScalarQuoting() {
    }

    @Override
    public boolean needToQuoteName(String name) {
        return needsQuotes(name);
    }

    @Override
    public boolean needToQuoteValue(String value) {
        return needsQuotes(value);
    }

    /** {@code true} when the string, written plain, could be read as something else. */
    static boolean needsQuotes(String s) {
        int length = s.length();
        if (length == 0) {
            return true;
        }
        char first = s.charAt(0);
        char last = s.charAt(length - 1);
        if (blank(first) || blank(last) || INDICATORS.indexOf(first) >= 0 || last == ':') {
            return true;
        }
        if (s.startsWith("...") || s.equals("=") || s.equals("<<")) {
            return true;
        }
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (isSpecial(c)) {
                return true;
            }
            if (c == ':' && i + 1 < length && blank(s.charAt(i + 1))
                    || c == '#' && i > 0 && blank(s.charAt(i - 1))) {
                return true;
            }
        }
        return length <= 5 && isBoolOrNull(s) || looksNumeric(s) || looksLikeDate(s);
    }

    private static boolean blank(char c) {
        return c == ' ' || c == '\t';
    }

    /** Control characters, DEL, and the characters YAML treats as line breaks or byte order marks. */
    private static boolean isSpecial(char c) {
        return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == '\u2028' || c == '\u2029'
                || c == '\uFEFF';
    }

    private static boolean isBoolOrNull(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~" -> true;
            default -> false;
        };
    }

    /**
     * Number-like by the union of YAML 1.1 and 1.2 integer and float forms: after an optional
     * sign (and any '_' after it, which go-yaml drops: {@code +_1} is 1), a digit, or '.' then a
     * digit or '_' (SnakeYAML reads {@code ._5} as 0.5 and fails on {@code ._}), followed only by
     * digits, hex digits, '_', '.', ':', the base letters and exponent signs; or {@code .inf} /
     * {@code .nan} in any case.
     */
    private static boolean looksNumeric(String s) {
        boolean signed = s.charAt(0) == '+' || s.charAt(0) == '-';
        int start = signed ? 1 : 0;
        int length = s.length();
        if (start < length && s.charAt(start) == '.') {
            String rest = s.substring(start + 1);
            if (rest.equalsIgnoreCase("inf") || rest.equalsIgnoreCase("nan")) {
                return true;
            }
        }
        int first = start;
        while (signed && first < length && s.charAt(first) == '_') {
            first++;
        }
        if (first >= length) {
            return false;
        }
        char c0 = s.charAt(first);
        if (c0 == '.') {
            if (first + 1 >= length || !(isDigit(s.charAt(first + 1)) || s.charAt(first + 1) == '_')) {
                return false;
            }
        } else if (!isDigit(c0)) {
            return false;
        }
        for (int i = first + 1; i < length; i++) {
            if (NUMBER_CHARS.indexOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** A YAML 1.1 timestamp starts {@code yyyy-m-d}: {@code 2024-01-01}, {@code 2001-12-14t21:59:43.10-05:00}. */
    private static boolean looksLikeDate(String s) {
        if (s.length() < 8 || s.charAt(4) != '-') {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        int i = 5;
        int monthDigits = 0;
        while (i < s.length() && isDigit(s.charAt(i)) && monthDigits < 3) {
            i++;
            monthDigits++;
        }
        if (monthDigits == 0 || monthDigits > 2 || i >= s.length() || s.charAt(i) != '-') {
            return false;
        }
        return i + 1 < s.length() && isDigit(s.charAt(i + 1));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
