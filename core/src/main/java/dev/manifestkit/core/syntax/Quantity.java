package dev.manifestkit.core.syntax;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A Kubernetes resource quantity ({@code 500m}, {@code 2Gi}, {@code 1e3}, {@code 1.5}), parsed by
 * the grammar of {@code k8s.io/apimachinery/pkg/api/resource}.
 *
 * <pre>
 * quantity     ::= [sign] number [suffix]
 * number       ::= digits | digits "." [digits] | "." digits
 * suffix       ::= binarySI | decimalSI | ("e" | "E") [sign] digits
 * binarySI     ::= Ki | Mi | Gi | Ti | Pi | Ei
 * decimalSI    ::= n | u | m | k | M | G | T | P | E
 * </pre>
 *
 * <p>Two quantities are equal when they denote the same amount, whatever their spelling:
 * {@code 1Gi} equals {@code 1073741824} and {@code 1000m} equals {@code 1}. The parser is a
 * hand-written scanner: it is called for every resource request and limit during validation.
 */
public final class Quantity implements Comparable<Quantity> {

    private static final BigDecimal KI = BigDecimal.valueOf(1024L);

    private final String text;
    private final BigDecimal value;

    private Quantity(String text, BigDecimal value) {
        this.text = text;
        this.value = value;
    }

    /**
     * Parses a quantity.
     *
     * @throws IllegalArgumentException naming the value and what is wrong with it, for instance
     *                                  {@code invalid quantity "2GB": unknown suffix "GB" (expected one of
     *                                  Ki, Mi, Gi, Ti, Pi, Ei, n, u, m, k, M, G, T, P, E or an exponent like e3)}
     */
    public static Quantity parse(String text) {
        Objects.requireNonNull(text, "text");
        Object result = scan(text);
        if (result instanceof String error) {
            throw new IllegalArgumentException("invalid quantity \"" + text + "\": " + error);
        }
        return new Quantity(text, (BigDecimal) result);
    }

    /** {@code true} when {@link #parse(String)} would accept the text; does not build a number. */
    public static boolean isValid(String text) {
        return text != null && problem(text) == null;
    }

    /** What is wrong with the text as a quantity, or {@code null} when it is valid. */
    public static String problem(String text) {
        int end = text.length();
        int pos = 0;
        if (end == 0) {
            return "must not be empty";
        }
        if (text.charAt(0) == '+' || text.charAt(0) == '-') {
            pos++;
        }
        int digits = 0;
        while (pos < end && isDigit(text.charAt(pos))) {
            pos++;
            digits++;
        }
        if (pos < end && text.charAt(pos) == '.') {
            pos++;
            while (pos < end && isDigit(text.charAt(pos))) {
                pos++;
                digits++;
            }
        }
        if (digits == 0) {
            return "must start with a number, like 500m, 2Gi, 1.5 or 1e3";
        }
        return suffixProblem(text, pos);
    }

    /**
     * The problems with the text as a quantity the API server wants non-negative (resource
     * requests and limits, storage sizes, emptyDir size limits), shaped like {@link Names}' checks:
     * empty when fine, otherwise the one thing that is wrong.
     */
    public static List<String> nonNegative(String text) {
        String problem = problem(text);
        if (problem != null) {
            return List.of(problem);
        }
        return parse(text).toBigDecimal().signum() < 0 ? List.of("must be greater than or equal to 0") : List.of();
    }

    /**
     * The problems with the text as a quantity the API server wants above zero (the storage a
     * claim requests, a PersistentVolume's capacity); shaped like {@link #nonNegative(String)}.
     */
    public static List<String> positive(String text) {
        String problem = problem(text);
        if (problem != null) {
            return List.of(problem);
        }
        return parse(text).toBigDecimal().signum() <= 0 ? List.of("must be greater than zero") : List.of();
    }

    private static Object scan(String text) {
        String problem = problem(text);
        if (problem != null) {
            return problem;
        }
        int end = text.length();
        int pos = 0;
        while (pos < end && (isDigit(text.charAt(pos)) || text.charAt(pos) == '.'
                || text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
            pos++;
        }
        String number = text.substring(0, pos);
        if (number.endsWith(".")) {
            number = number.substring(0, number.length() - 1);
        }
        if (number.startsWith(".") || number.startsWith("+.") || number.startsWith("-.")) {
            number = number.replace(".", "0.");
        }
        BigDecimal mantissa = new BigDecimal(number);
        String suffix = text.substring(pos);
        return switch (suffix) {
            case "" -> mantissa;
            case "Ki" -> mantissa.multiply(KI);
            case "Mi" -> mantissa.multiply(KI.pow(2));
            case "Gi" -> mantissa.multiply(KI.pow(3));
            case "Ti" -> mantissa.multiply(KI.pow(4));
            case "Pi" -> mantissa.multiply(KI.pow(5));
            case "Ei" -> mantissa.multiply(KI.pow(6));
            case "n" -> mantissa.scaleByPowerOfTen(-9);
            case "u" -> mantissa.scaleByPowerOfTen(-6);
            case "m" -> mantissa.scaleByPowerOfTen(-3);
            case "k" -> mantissa.scaleByPowerOfTen(3);
            case "M" -> mantissa.scaleByPowerOfTen(6);
            case "G" -> mantissa.scaleByPowerOfTen(9);
            case "T" -> mantissa.scaleByPowerOfTen(12);
            case "P" -> mantissa.scaleByPowerOfTen(15);
            case "E" -> mantissa.scaleByPowerOfTen(18);
            default -> mantissa.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1)));
        };
    }

    private static String suffixProblem(String text, int pos) {
        int end = text.length();
        int length = end - pos;
        if (length == 0) {
            return null;
        }
        char first = text.charAt(pos);
        if (length == 1 && "numkMGTPE".indexOf(first) >= 0) {
            return null;
        }
        if (length == 2 && "KMGTPE".indexOf(first) >= 0 && text.charAt(pos + 1) == 'i') {
            return null;
        }
        if (first == 'e' || first == 'E') {
            int i = pos + 1;
            if (i < end && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int digitsStart = i;
            while (i < end && isDigit(text.charAt(i))) {
                i++;
            }
            if (i == end && i > digitsStart) {
                return i - digitsStart > 9 ? "exponent out of range" : null;
            }
        }
        return "unknown suffix \"" + text.substring(pos)
                + "\" (expected one of Ki, Mi, Gi, Ti, Pi, Ei, n, u, m, k, M, G, T, P, E or an exponent like e3)";
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The amount in base units (bytes, cores): {@code 500m} is 0.5, {@code 1Ki} is 1024. */
    public BigDecimal toBigDecimal() {
        return value;
    }

    /** {@code true} when the amount is below zero. */
    public boolean isNegative() {
        return value.signum() < 0;
    }

    /** Compares amounts, not spellings. */
    @Override
    public int compareTo(Quantity other) {
        return value.compareTo(other.value);
    }

    /** Equal when the amounts are equal, whatever the spelling. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Quantity that && value.compareTo(that.value) == 0;
    }

    @Override
    public int hashCode() {
        return value.signum() == 0 ? 0 : value.stripTrailingZeros().hashCode();
    }

    /** The quantity as it was written. */
    @Override
    public String toString() {
        return text;
    }
}
