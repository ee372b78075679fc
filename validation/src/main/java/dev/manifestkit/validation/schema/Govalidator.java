package dev.manifestkit.validation.schema;

import java.util.regex.Pattern;

/**
 * The checks kube-openapi's strfmt takes from govalidator, as of the version Kubernetes pinned and
 * kube-openapi then froze (f61b66f89f4a): ISBN, credit card, SSN and RGB color. RE2's {@code \s} is
 * ASCII {@code [\t\n\f\r ]} and its {@code \d} is {@code [0-9]}, so both are spelled out here.
 */
final class Govalidator {

    private Govalidator() {
    }

    private static final Pattern WHITESPACE_AND_MINUS = Pattern.compile("[\\t\\n\\f\\r -]+");
    private static final Pattern NOT_NUMBER = Pattern.compile("[^0-9]+");
    private static final Pattern ISBN10 = Pattern.compile("[0-9]{9}X|[0-9]{10}");
    private static final Pattern ISBN13 = Pattern.compile("[0-9]{13}");
    private static final Pattern CREDIT_CARD = Pattern.compile("4[0-9]{12}(?:[0-9]{3})?|5[1-5][0-9]{14}"
            + "|6(?:011|5[0-9][0-9])[0-9]{12}|3[47][0-9]{13}|3(?:0[0-5]|[68][0-9])[0-9]{11}"
            + "|(?:2131|1800|35[0-9]{3})[0-9]{11}");
    private static final Pattern SSN = Pattern.compile("[0-9]{3}[- ]?[0-9]{2}[- ]?[0-9]{4}");
    private static final String OCTET = "(0|[1-9][0-9]?|1[0-9][0-9]?|2[0-4][0-9]|25[0-5])";
    private static final String SPACE = "[\\t\\n\\f\\r ]*";
    private static final Pattern RGB_COLOR = Pattern.compile("rgb\\(" + SPACE + OCTET + SPACE + "," + SPACE + OCTET
            + SPACE + "," + SPACE + OCTET + SPACE + "\\)");

    /** {@code IsISBN10}: whitespace and dashes dropped, nine digits and a digit or X, weighted sum 0 mod 11. */
    static boolean isISBN10(String value) {
        var s = WHITESPACE_AND_MINUS.matcher(value).replaceAll("");
        if (!ISBN10.matcher(s).matches()) {
            return false;
        }
        int checksum = 0;
        for (int i = 0; i < 9; i++) {
            checksum += (i + 1) * (s.charAt(i) - '0');
        }
        checksum += 10 * (s.charAt(9) == 'X' ? 10 : s.charAt(9) - '0');
        return checksum % 11 == 0;
    }

    /** {@code IsISBN13}: whitespace and dashes dropped, thirteen digits, the last the 1-3 weighted check digit. */
    static boolean isISBN13(String value) {
        var s = WHITESPACE_AND_MINUS.matcher(value).replaceAll("");
        if (!ISBN13.matcher(s).matches()) {
            return false;
        }
        int checksum = 0;
        for (int i = 0; i < 12; i++) {
            checksum += (i % 2 == 0 ? 1 : 3) * (s.charAt(i) - '0');
        }
        return (s.charAt(12) - '0') == (10 - checksum % 10) % 10;
    }

    /** {@code IsCreditCard}: every non-digit dropped, a known issuer's number, and the Luhn sum. */
    static boolean isCreditCard(String value) {
        var s = NOT_NUMBER.matcher(value).replaceAll("");
        if (!CREDIT_CARD.matcher(s).matches()) {
            return false;
        }
        int sum = 0;
        boolean doubled = false;
        for (int i = s.length() - 1; i >= 0; i--) {
            int digit = s.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                sum += digit >= 10 ? digit % 10 + 1 : digit;
            } else {
                sum += digit;
            }
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /** {@code IsSSN}: eleven bytes, three, two and four digits, each break a dash or a space. */
    static boolean isSSN(String value) {
        return value.length() == 11 && SSN.matcher(value).matches();
    }

    /** {@code IsRGBcolor}: {@code rgb(R, G, B)}, each 0 to 255 without a leading zero. */
    static boolean isRGBColor(String value) {
        return RGB_COLOR.matcher(value).matches();
    }
}
