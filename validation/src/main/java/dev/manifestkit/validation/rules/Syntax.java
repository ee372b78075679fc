package dev.manifestkit.validation.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.core.syntax.Quantity;

/**
 * The syntax checks the rules use, in one place. Most delegate to core's {@link Names} and
 * {@link Quantity}; the two the core does not offer (DNS-1035 labels for Service names, wildcard
 * hosts for Ingress) are written here the same way: hand-written scanners, no regular
 * expressions, apimachinery's messages. Each returns the list of problems, empty when fine.
 */
final class Syntax {

    static final String DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    static final String DNS1123_SUBDOMAIN_FMT = DNS1123_LABEL_FMT + "(\\." + DNS1123_LABEL_FMT + ")*";
    static final String DNS1035_LABEL_FMT = "[a-z]([-a-z0-9]*[a-z0-9])?";

    private static final String DNS1035_LABEL_MSG = regexError("a DNS-1035 label must consist of lower case alphanumeric "
            + "characters or '-', start with an alphabetic character, and end with an alphanumeric character",
            DNS1035_LABEL_FMT, "my-name", "abc-123");
    private static final String WILDCARD_MSG = regexError("a wildcard DNS-1123 subdomain must start with '*.', followed "
            + "by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end "
            + "with an alphanumeric character", "\\*\\." + DNS1123_SUBDOMAIN_FMT, "*.example.com");

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

    /** An RFC 1123 label: container names, volume names, namespaces, Service port names. */
    static List<String> dns1123Label(String value) {
        return Names.dns1123Label(value);
    }

    /** An RFC 1123 subdomain: most object names. */
    static List<String> dns1123Subdomain(String value) {
        return Names.dns1123Subdomain(value);
    }

    /** A label key, or a lower-cased annotation key: an optional DNS subdomain prefix and '/', then a name. */
    static List<String> qualifiedName(String value) {
        return Names.qualifiedName(value);
    }

    /** A label value: empty, or up to 63 characters of a qualified-name part. */
    static List<String> labelValue(String value) {
        return Names.labelValue(value);
    }

    /** IANA_SVC_NAME: a container port name. */
    static List<String> ianaServiceName(String port) {
        return Names.ianaServiceName(port);
    }

    /**
     * An environment variable name. Kubernetes 1.34 relaxed the rule to any printable ASCII
     * character but '='; earlier versions want a C-like identifier with '.' and '-'.
     */
    static List<String> envVarName(String value, boolean relaxed) {
        return Names.envVarName(value, relaxed);
    }

    /** A key of a ConfigMap or Secret. */
    static List<String> configMapKey(String value) {
        return Names.configMapKey(value);
    }

    /** A resource quantity ({@code 500m}, {@code 2Gi}, {@code 1e3}) as a number, or null if it is not one. */
    static BigDecimal quantity(String text) {
        return Quantity.isValid(text) ? Quantity.parse(text).toBigDecimal() : null;
    }

    /** What is wrong with a quantity, or null if it is fine. */
    static String quantityProblem(String text) {
        return Quantity.problem(text);
    }

    /** An RFC 1035 label: Service names and Ingress backend service names. */
    static List<String> dns1035Label(String value) {
        boolean tooLong = value.length() > 63;
        boolean matches = isLabel(value, 0, value.length(), true);
        if (!tooLong && matches) {
            return List.of();
        }
        var errs = new ArrayList<String>(2);
        if (tooLong) {
            errs.add("must be no more than 63 characters");
        }
        if (!matches) {
            errs.add(DNS1035_LABEL_MSG);
        }
        return errs;
    }

    /** {@code *.example.com}: an Ingress host with a wildcard. */
    static List<String> wildcardDns1123Subdomain(String value) {
        boolean tooLong = value.length() > 253;
        boolean matches = value.startsWith("*.") && isSubdomain(value, 2);
        if (!tooLong && matches) {
            return List.of();
        }
        var errs = new ArrayList<String>(2);
        if (tooLong) {
            errs.add("must be no more than 253 characters");
        }
        if (!matches) {
            errs.add(WILDCARD_MSG);
        }
        return errs;
    }

    private static boolean isAlnumLower(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
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
}
