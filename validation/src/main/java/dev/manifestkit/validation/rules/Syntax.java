package dev.manifestkit.validation.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The API server's syntax checks (apimachinery's {@code validation} package), with its messages.
 * Each returns the list of problems, empty when the value is fine. Hand-written scanners, no
 * regular expressions: these run for every name and label of every object.
 */
final class Syntax {

    static final String DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    static final String DNS1123_SUBDOMAIN_FMT = DNS1123_LABEL_FMT + "(\\." + DNS1123_LABEL_FMT + ")*";
    static final String DNS1035_LABEL_FMT = "[a-z]([-a-z0-9]*[a-z0-9])?";
    static final String QUALIFIED_NAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    static final String LABEL_VALUE_FMT = "(" + QUALIFIED_NAME_FMT + ")?";
    static final String CONFIG_KEY_FMT = "[-._a-zA-Z0-9]+";
    static final String ENV_VAR_FMT = "[-._a-zA-Z][-._a-zA-Z0-9]*";
    static final String QUANTITY_FMT = "^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$";

    private static final String DNS1123_LABEL_MSG = regexError("a lowercase RFC 1123 label must consist of lower case "
            + "alphanumeric characters or '-', and must start and end with an alphanumeric character",
            DNS1123_LABEL_FMT, "my-name", "123-abc");
    private static final String DNS1123_SUBDOMAIN_MSG = regexError("a lowercase RFC 1123 subdomain must consist of lower "
            + "case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
            DNS1123_SUBDOMAIN_FMT, "example.com");
    private static final String DNS1035_LABEL_MSG = regexError("a DNS-1035 label must consist of lower case alphanumeric "
            + "characters or '-', start with an alphabetic character, and end with an alphanumeric character",
            DNS1035_LABEL_FMT, "my-name", "abc-123");
    private static final String WILDCARD_MSG = regexError("a wildcard DNS-1123 subdomain must start with '*.', followed "
            + "by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end "
            + "with an alphanumeric character", "\\*\\." + DNS1123_SUBDOMAIN_FMT, "*.example.com");
    private static final String QUALIFIED_NAME_MSG = regexError("must consist of alphanumeric characters, '-', '_' or "
            + "'.', and must start and end with an alphanumeric character", QUALIFIED_NAME_FMT,
            "MyName", "my.name", "123-abc");
    private static final String LABEL_VALUE_MSG = regexError("a valid label must be an empty string or consist of "
            + "alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
            LABEL_VALUE_FMT, "MyValue", "my_value", "12345");
    private static final String CONFIG_KEY_MSG = regexError("a valid config key must consist of alphanumeric "
            + "characters, '-', '_' or '.'", CONFIG_KEY_FMT, "key.name", "KEY_NAME", "key-name");
    private static final String ENV_VAR_MSG = regexError("a valid environment variable name must consist of "
            + "alphabetic characters, digits, '_', '-', or '.', and must not start with a digit", ENV_VAR_FMT,
            "my.env-name", "MY_ENV.NAME", "MyEnvName1");
    static final String RELAXED_ENV_VAR_MSG =
            "a valid environment variable name must consist only of printable ASCII characters other than '='";
    static final String QUANTITY_MSG = "quantities must match the regular expression '" + QUANTITY_FMT + "'";

    private Syntax() {
    }

    /**
     * apimachinery's RegexError: the message, examples and the regular expression, word for word
     * (including the double space before each "or", so messages match the API server's).
     */
    static String regexError(String msg, String fmt, String... examples) {
        var sb = new StringBuilder(msg).append(" (");
        if (examples.length > 0) {
            sb.append("e.g. ");
            for (int i = 0; i < examples.length; i++) {
                if (i > 0) {
                    sb.append(" or ");
                }
                sb.append('\'').append(examples[i]).append("', ");
            }
        }
        return sb.append("regex used for validation is '").append(fmt).append("')").toString();
    }

    static String maxLen(int max) {
        return "must be no more than " + max + " characters";
    }

    /** An RFC 1123 label: container names, volume names, namespaces, Service port names. */
    static List<String> dns1123Label(String value) {
        List<String> errs = List.of();
        if (value.length() > 63) {
            errs = add(errs, maxLen(63));
        }
        if (!isLabel(value, 0, value.length(), false)) {
            errs = add(errs, DNS1123_LABEL_MSG);
        }
        return errs;
    }

    /** An RFC 1123 subdomain: most object names. */
    static List<String> dns1123Subdomain(String value) {
        List<String> errs = List.of();
        if (value.length() > 253) {
            errs = add(errs, maxLen(253));
        }
        if (!isSubdomain(value, 0)) {
            errs = add(errs, DNS1123_SUBDOMAIN_MSG);
        }
        return errs;
    }

    /** An RFC 1035 label: Service names and Ingress backend service names. */
    static List<String> dns1035Label(String value) {
        List<String> errs = List.of();
        if (value.length() > 63) {
            errs = add(errs, maxLen(63));
        }
        if (!isLabel(value, 0, value.length(), true)) {
            errs = add(errs, DNS1035_LABEL_MSG);
        }
        return errs;
    }

    /** {@code *.example.com}: an Ingress host with a wildcard. */
    static List<String> wildcardDns1123Subdomain(String value) {
        List<String> errs = List.of();
        if (value.length() > 253) {
            errs = add(errs, maxLen(253));
        }
        if (!value.startsWith("*.") || !isSubdomain(value, 2)) {
            errs = add(errs, WILDCARD_MSG);
        }
        return errs;
    }

    /** A label or annotation key: an optional DNS subdomain prefix and '/', then a name part. */
    static List<String> qualifiedName(String value) {
        List<String> errs = List.of();
        int slash = value.indexOf('/');
        String name = value;
        if (slash >= 0) {
            if (value.indexOf('/', slash + 1) >= 0) {
                return add(errs, "a qualified name " + QUALIFIED_NAME_MSG
                        + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
            }
            var prefix = value.substring(0, slash);
            name = value.substring(slash + 1);
            if (prefix.isEmpty()) {
                errs = add(errs, "prefix part must be non-empty");
            } else {
                for (var msg : dns1123Subdomain(prefix)) {
                    errs = add(errs, "prefix part " + msg);
                }
            }
        }
        if (name.isEmpty()) {
            errs = add(errs, "name part must be non-empty");
        } else if (name.length() > 63) {
            errs = add(errs, "name part " + maxLen(63));
        }
        if (!isQualifiedNamePart(name)) {
            errs = add(errs, "name part " + QUALIFIED_NAME_MSG);
        }
        return errs;
    }

    /** A label value: empty, or up to 63 characters of a qualified-name part. */
    static List<String> labelValue(String value) {
        List<String> errs = List.of();
        if (value.length() > 63) {
            errs = add(errs, maxLen(63));
        }
        if (!value.isEmpty() && !isQualifiedNamePart(value)) {
            errs = add(errs, LABEL_VALUE_MSG);
        }
        return errs;
    }

    /** IANA_SVC_NAME: a container port name. */
    static List<String> ianaServiceName(String port) {
        List<String> errs = List.of();
        if (port.length() > 15) {
            errs = add(errs, "must be no more than 15 characters");
        }
        boolean charset = !port.isEmpty();
        boolean letter = false;
        for (int i = 0; i < port.length(); i++) {
            char c = port.charAt(i);
            if (c >= 'a' && c <= 'z') {
                letter = true;
            } else if (!(c >= '0' && c <= '9') && c != '-') {
                charset = false;
            }
        }
        if (!charset) {
            errs = add(errs, "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
        }
        if (!letter) {
            errs = add(errs, "must contain at least one letter (a-z)");
        }
        if (port.contains("--")) {
            errs = add(errs, "must not contain consecutive hyphens");
        }
        if (!port.isEmpty() && (port.charAt(0) == '-' || port.charAt(port.length() - 1) == '-')) {
            errs = add(errs, "must not begin or end with a hyphen");
        }
        return errs;
    }

    /**
     * An environment variable name. Kubernetes 1.34 relaxed the rule to any printable ASCII
     * character but '='; earlier versions want a C-like identifier with '.' and '-'.
     */
    static List<String> envVarName(String value, boolean relaxed) {
        List<String> errs = List.of();
        if (relaxed) {
            if (value.isEmpty()) {
                return add(errs, "environment variable name must be non-empty");
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < 0x20 || c > 0x7e || c == '=') {
                    return add(errs, RELAXED_ENV_VAR_MSG);
                }
            }
            return errs;
        }
        boolean ok = !value.isEmpty() && !(value.charAt(0) >= '0' && value.charAt(0) <= '9');
        for (int i = 0; ok && i < value.length(); i++) {
            ok = isConfigKeyChar(value.charAt(i));
        }
        if (!ok) {
            errs = add(errs, ENV_VAR_MSG);
        }
        return addAll(errs, chDirPrefix(value));
    }

    /** A key of a ConfigMap or Secret. */
    static List<String> configMapKey(String value) {
        List<String> errs = List.of();
        if (value.length() > 253) {
            errs = add(errs, maxLen(253));
        }
        boolean ok = !value.isEmpty();
        for (int i = 0; ok && i < value.length(); i++) {
            ok = isConfigKeyChar(value.charAt(i));
        }
        if (!ok) {
            errs = add(errs, CONFIG_KEY_MSG);
        }
        return addAll(errs, chDirPrefix(value));
    }

    /**
     * A resource quantity ({@code 500m}, {@code 2Gi}, {@code 1e3}) as a number, or null if it is
     * not one.
     */
    static BigDecimal quantity(String text) {
        int n = text.length();
        if (n == 0) {
            return null;
        }
        int i = 0;
        boolean negative = false;
        if (text.charAt(0) == '+' || text.charAt(0) == '-') {
            negative = text.charAt(0) == '-';
            i++;
        }
        int numberStart = i;
        boolean digits = false;
        boolean dot = false;
        while (i < n) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = true;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                break;
            }
            i++;
        }
        if (!digits) {
            return null;
        }
        var number = new BigDecimal(text.substring(numberStart, i));
        var suffix = text.substring(i);
        BigDecimal value = switch (suffix) {
            case "" -> number;
            case "n" -> number.scaleByPowerOfTen(-9);
            case "u" -> number.scaleByPowerOfTen(-6);
            case "m" -> number.scaleByPowerOfTen(-3);
            case "k" -> number.scaleByPowerOfTen(3);
            case "M" -> number.scaleByPowerOfTen(6);
            case "G" -> number.scaleByPowerOfTen(9);
            case "T" -> number.scaleByPowerOfTen(12);
            case "P" -> number.scaleByPowerOfTen(15);
            case "E" -> number.scaleByPowerOfTen(18);
            case "Ki" -> number.multiply(BigDecimal.valueOf(1L << 10));
            case "Mi" -> number.multiply(BigDecimal.valueOf(1L << 20));
            case "Gi" -> number.multiply(BigDecimal.valueOf(1L << 30));
            case "Ti" -> number.multiply(BigDecimal.valueOf(1L << 40));
            case "Pi" -> number.multiply(BigDecimal.valueOf(1L << 50));
            case "Ei" -> number.multiply(BigDecimal.valueOf(1L << 60));
            default -> exponent(number, suffix);
        };
        if (value == null) {
            return null;
        }
        return negative ? value.negate() : value;
    }

    private static BigDecimal exponent(BigDecimal number, String suffix) {
        if (suffix.length() < 2 || (suffix.charAt(0) != 'e' && suffix.charAt(0) != 'E')) {
            return null;
        }
        int start = 1;
        if (suffix.charAt(1) == '+' || suffix.charAt(1) == '-') {
            start = 2;
        }
        if (start >= suffix.length() || suffix.length() - start > 4) {
            return null;
        }
        for (int i = start; i < suffix.length(); i++) {
            if (suffix.charAt(i) < '0' || suffix.charAt(i) > '9') {
                return null;
            }
        }
        int exp = Integer.parseInt(suffix.substring(1).replace("+", ""));
        return number.scaleByPowerOfTen(exp);
    }

    private static List<String> chDirPrefix(String value) {
        if (value.equals(".")) {
            return List.of("must not be '.'");
        }
        if (value.equals("..")) {
            return List.of("must not be '..'");
        }
        if (value.startsWith("..")) {
            return List.of("must not start with '..'");
        }
        return List.of();
    }

    private static boolean isConfigKeyChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.';
    }

    private static boolean isAlnumLower(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static boolean isAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** [a-z0-9]([-a-z0-9]*[a-z0-9])? over value[from, to); with letterFirst, [a-z] first. */
    private static boolean isLabel(String value, int from, int to, boolean letterFirst) {
        if (to <= from) {
            return false;
        }
        char first = value.charAt(from);
        if (letterFirst ? !(first >= 'a' && first <= 'z') : !isAlnumLower(first)) {
            return false;
        }
        if (!isAlnumLower(value.charAt(to - 1))) {
            return false;
        }
        for (int i = from + 1; i < to - 1; i++) {
            char c = value.charAt(i);
            if (!isAlnumLower(c) && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isSubdomain(String value, int from) {
        int start = from;
        if (start >= value.length()) {
            return false;
        }
        while (true) {
            int dot = value.indexOf('.', start);
            int end = dot < 0 ? value.length() : dot;
            if (!isLabel(value, start, end, false)) {
                return false;
            }
            if (dot < 0) {
                return true;
            }
            start = dot + 1;
        }
    }

    private static boolean isQualifiedNamePart(String name) {
        if (name.isEmpty() || !isAlnum(name.charAt(0)) || !isAlnum(name.charAt(name.length() - 1))) {
            return false;
        }
        for (int i = 1; i < name.length() - 1; i++) {
            char c = name.charAt(i);
            if (!isAlnum(c) && c != '-' && c != '_' && c != '.') {
                return false;
            }
        }
        return true;
    }

    private static List<String> add(List<String> errs, String msg) {
        var list = errs.isEmpty() ? new ArrayList<String>(2) : errs;
        list.add(msg);
        return list;
    }

    private static List<String> addAll(List<String> errs, List<String> more) {
        if (more.isEmpty()) {
            return errs;
        }
        if (errs.isEmpty()) {
            return more;
        }
        errs.addAll(more);
        return errs;
    }
}
