package dev.manifestkit.core.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The name and key syntax rules of the Kubernetes API server, worded as the API server words them.
 *
 * <p>Each check returns the list of problems with a value, empty when the value is fine, so a
 * caller can prefix every detail with its own object and field path. The wording follows
 * {@code k8s.io/apimachinery/pkg/util/validation}, so a message printed by manifestkit reads like
 * the one {@code kubectl apply} would print. The checks are hand-written scanners rather than
 * regular expressions: they run once per field in the validation hot path and allocate nothing
 * for a valid value.
 */
public final class Names {

    /** Longest RFC 1123 label (Service, Namespace, port and container names). */
    public static final int DNS1123_LABEL_MAX_LENGTH = 63;
    /** Longest RFC 1123 subdomain (most object names, label key prefixes). */
    public static final int DNS1123_SUBDOMAIN_MAX_LENGTH = 253;
    /** Longest name part of a qualified name (label and annotation keys). */
    public static final int QUALIFIED_NAME_MAX_LENGTH = 63;
    /** Longest label value. */
    public static final int LABEL_VALUE_MAX_LENGTH = 63;
    /** Longest IANA service name (named container and service ports). */
    public static final int IANA_SERVICE_NAME_MAX_LENGTH = 15;
    /** Largest total size of an object's annotations, keys plus values, in bytes. */
    public static final int TOTAL_ANNOTATION_SIZE_LIMIT_BYTES = 256 * 1024;

    static final String DNS1123_LABEL_FORMAT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    static final String DNS1035_LABEL_FORMAT = "[a-z]([-a-z0-9]*[a-z0-9])?";
    static final String DNS1123_SUBDOMAIN_FORMAT = DNS1123_LABEL_FORMAT + "(\\." + DNS1123_LABEL_FORMAT + ")*";
    static final String WILDCARD_DNS1123_SUBDOMAIN_FORMAT = "\\*\\." + DNS1123_SUBDOMAIN_FORMAT;
    static final String QUALIFIED_NAME_FORMAT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    static final String LABEL_VALUE_FORMAT = "(" + QUALIFIED_NAME_FORMAT + ")?";
    static final String ENV_VAR_NAME_FORMAT = "[-._a-zA-Z][-._a-zA-Z0-9]*";
    static final String CONFIG_MAP_KEY_FORMAT = "[-._a-zA-Z0-9]+";

    private static final String DNS1123_LABEL_ERROR = regexError(
            "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must "
                    + "start and end with an alphanumeric character",
            DNS1123_LABEL_FORMAT, "my-name", "123-abc");
    private static final String DNS1035_LABEL_ERROR = regexError(
            "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an "
                    + "alphabetic character, and end with an alphanumeric character",
            DNS1035_LABEL_FORMAT, "my-name", "abc-123");
    private static final String DNS1123_SUBDOMAIN_ERROR = regexError(
            "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and "
                    + "must start and end with an alphanumeric character",
            DNS1123_SUBDOMAIN_FORMAT, "example.com");
    private static final String WILDCARD_DNS1123_SUBDOMAIN_ERROR = regexError(
            "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must "
                    + "consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric "
                    + "character",
            WILDCARD_DNS1123_SUBDOMAIN_FORMAT, "*.example.com");
    private static final String QUALIFIED_NAME_ERROR = regexError(
            "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
                    + "alphanumeric character",
            QUALIFIED_NAME_FORMAT, "MyName", "my.name", "123-abc");
    private static final String LABEL_VALUE_ERROR = regexError(
            "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and "
                    + "must start and end with an alphanumeric character",
            LABEL_VALUE_FORMAT, "MyValue", "my_value", "12345");
    private static final String ENV_VAR_NAME_ERROR = regexError(
            "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', "
                    + "and must not start with a digit",
            ENV_VAR_NAME_FORMAT, "my.env-name", "MY_ENV.NAME", "MyEnvName1");
    private static final String RELAXED_ENV_VAR_NAME_ERROR =
            "a valid environment variable name must consist only of printable ASCII characters other than '='";
    private static final String CONFIG_MAP_KEY_ERROR = regexError(
            "a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
            CONFIG_MAP_KEY_FORMAT, "key.name", "KEY_NAME", "key-name");

    private Names() {
    }

    /**
     * An RFC 1123 label: at most 63 lower-case alphanumerics or '-', starting and ending with an
     * alphanumeric. Required of Namespace, Service and container names.
     */
    public static List<String> dns1123Label(String value) {
        boolean matches = isDns1123Label(value, 0, value.length());
        boolean dotted = !matches && isDns1123Subdomain(value, 0, value.length());
        return lengthAndFormat(value.length() > DNS1123_LABEL_MAX_LENGTH, DNS1123_LABEL_MAX_LENGTH, matches,
                dotted ? "must not contain dots" : DNS1123_LABEL_ERROR);
    }

    /**
     * An RFC 1035 label: an RFC 1123 label that starts with a letter. Required of Service names
     * (they become DNS names and environment variable prefixes in every pod of the namespace).
     */
    public static List<String> dns1035Label(String value) {
        return lengthAndFormat(value.length() > DNS1123_LABEL_MAX_LENGTH, DNS1123_LABEL_MAX_LENGTH,
                isDns1123Label(value, 0, value.length()) && isLowerAlpha(value.charAt(0)), DNS1035_LABEL_ERROR);
    }

    /**
     * An RFC 1123 subdomain: at most 253 characters, dot-separated RFC 1123 labels. Required of
     * most object names (Deployment, Pod, Secret, ConfigMap, …).
     */
    public static List<String> dns1123Subdomain(String value) {
        return lengthAndFormat(value.length() > DNS1123_SUBDOMAIN_MAX_LENGTH, DNS1123_SUBDOMAIN_MAX_LENGTH,
                isDns1123Subdomain(value, 0, value.length()), DNS1123_SUBDOMAIN_ERROR);
    }

    /**
     * A wildcard RFC 1123 subdomain, the syntax of an Ingress host with a wildcard: {@code *.}
     * followed by an RFC 1123 subdomain ({@code *.example.com}), at most 253 characters in all.
     * Only the leftmost label may be the wildcard.
     */
    public static List<String> wildcardDns1123Subdomain(String value) {
        return lengthAndFormat(value.length() > DNS1123_SUBDOMAIN_MAX_LENGTH, DNS1123_SUBDOMAIN_MAX_LENGTH,
                value.startsWith("*.") && isDns1123Subdomain(value, 2, value.length()),
                WILDCARD_DNS1123_SUBDOMAIN_ERROR);
    }

    /**
     * A qualified name, the syntax of label and annotation keys: an optional DNS subdomain prefix
     * and '/', then a name of at most 63 alphanumerics, '-', '_' or '.', starting and ending with
     * an alphanumeric ({@code app.kubernetes.io/name}, {@code tier}).
     */
    public static List<String> qualifiedName(String value) {
        int slash = value.indexOf('/');
        if (slash >= 0 && value.indexOf('/', slash + 1) >= 0) {
            return List.of("a qualified name " + QUALIFIED_NAME_ERROR
                    + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
        }
        int nameStart = slash + 1;
        int nameLength = value.length() - nameStart;
        boolean prefixOk = slash < 0
                || (slash > 0 && slash <= DNS1123_SUBDOMAIN_MAX_LENGTH && isDns1123Subdomain(value, 0, slash));
        boolean nameOk = nameLength > 0 && nameLength <= QUALIFIED_NAME_MAX_LENGTH
                && isQualifiedNamePart(value, nameStart, value.length());
        if (prefixOk && nameOk) {
            return List.of();
        }
        var errors = new ArrayList<String>(3);
        if (slash == 0) {
            errors.add("prefix part must be non-empty");
        } else if (slash > 0) {
            for (String error : dns1123Subdomain(value.substring(0, slash))) {
                errors.add("prefix part " + error);
            }
        }
        if (nameLength == 0) {
            errors.add("name part must be non-empty");
        } else if (nameLength > QUALIFIED_NAME_MAX_LENGTH) {
            errors.add("name part " + maxLengthError(QUALIFIED_NAME_MAX_LENGTH));
        }
        if (!isQualifiedNamePart(value, nameStart, value.length())) {
            errors.add("name part " + QUALIFIED_NAME_ERROR);
        }
        return List.copyOf(errors);
    }

    /** A label key; the same syntax as {@link #qualifiedName(String)}. */
    public static List<String> labelKey(String value) {
        return qualifiedName(value);
    }

    /**
     * An annotation key: a qualified name, compared in lower case as the API server does (so
     * upper-case letters in the prefix are accepted).
     */
    public static List<String> annotationKey(String value) {
        return qualifiedName(toLowerAscii(value));
    }

    /**
     * A label value: empty, or at most 63 alphanumerics, '-', '_' or '.', starting and ending with
     * an alphanumeric.
     */
    public static List<String> labelValue(String value) {
        return lengthAndFormat(value.length() > LABEL_VALUE_MAX_LENGTH, LABEL_VALUE_MAX_LENGTH,
                value.isEmpty() || isQualifiedNamePart(value, 0, value.length()), LABEL_VALUE_ERROR);
    }

    /**
     * An IANA service name, the syntax of named ports ({@code http}, {@code metrics}): at most 15
     * lower-case alphanumerics or '-', at least one letter, no '--', no leading or trailing '-'.
     */
    public static List<String> ianaServiceName(String value) {
        boolean tooLong = value.length() > IANA_SERVICE_NAME_MAX_LENGTH;
        boolean charset = !value.isEmpty();
        boolean letter = false;
        boolean doubleHyphen = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isLowerAlpha(c)) {
                letter = true;
            } else if (c == '-') {
                doubleHyphen |= i > 0 && value.charAt(i - 1) == '-';
            } else if (!isDigit(c)) {
                charset = false;
            }
        }
        boolean hyphenAtEnds = !value.isEmpty()
                && (value.charAt(0) == '-' || value.charAt(value.length() - 1) == '-');
        if (!tooLong && charset && letter && !doubleHyphen && !hyphenAtEnds) {
            return List.of();
        }
        var errors = new ArrayList<String>(4);
        if (tooLong) {
            errors.add(maxLengthError(IANA_SERVICE_NAME_MAX_LENGTH));
        }
        if (!charset) {
            errors.add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
        }
        if (!letter) {
            errors.add("must contain at least one letter (a-z)");
        }
        if (doubleHyphen) {
            errors.add("must not contain consecutive hyphens");
        }
        if (hyphenAtEnds) {
            errors.add("must not begin or end with a hyphen");
        }
        return List.copyOf(errors);
    }

    /**
     * An environment variable name.
     *
     * @param relaxed {@code true} for the rule of Kubernetes 1.34 and later (any printable ASCII
     *                character except '='), {@code false} for the older C-identifier-like rule
     *                (letters, digits, '_', '-', '.', not starting with a digit)
     */
    public static List<String> envVarName(String value, boolean relaxed) {
        if (relaxed) {
            if (value.isEmpty()) {
                return List.of("environment variable name must be non-empty");
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < 32 || c > 126 || c == '=') {
                    return List.of(RELAXED_ENV_VAR_NAME_ERROR);
                }
            }
            return List.of();
        }
        boolean matches = !value.isEmpty() && !isDigit(value.charAt(0));
        for (int i = 0; matches && i < value.length(); i++) {
            char c = value.charAt(i);
            matches = isAlphanumeric(c) || c == '-' || c == '.' || c == '_';
        }
        String dots = dotsError(value);
        if (matches && dots == null) {
            return List.of();
        }
        return matches ? List.of(dots) : dots == null ? List.of(ENV_VAR_NAME_ERROR) : List.of(ENV_VAR_NAME_ERROR, dots);
    }

    /**
     * A key of a ConfigMap's or Secret's data: at most 253 alphanumerics, '-', '_' or '.', and
     * neither {@code .} nor {@code ..} nor starting with {@code ..} (keys become file names when
     * mounted).
     */
    public static List<String> configMapKey(String value) {
        boolean tooLong = value.length() > DNS1123_SUBDOMAIN_MAX_LENGTH;
        boolean matches = !value.isEmpty();
        for (int i = 0; matches && i < value.length(); i++) {
            char c = value.charAt(i);
            matches = isAlphanumeric(c) || c == '-' || c == '.' || c == '_';
        }
        String dots = dotsError(value);
        if (!tooLong && matches && dots == null) {
            return List.of();
        }
        var errors = new ArrayList<String>(3);
        if (tooLong) {
            errors.add(maxLengthError(DNS1123_SUBDOMAIN_MAX_LENGTH));
        }
        if (!matches) {
            errors.add(CONFIG_MAP_KEY_ERROR);
        }
        if (dots != null) {
            errors.add(dots);
        }
        return List.copyOf(errors);
    }

    /**
     * The total size of an object's annotations (UTF-8 bytes of every key and value) against the
     * API server's 256 KiB limit.
     */
    public static List<String> annotationsSize(Map<String, String> annotations) {
        long total = 0;
        for (var entry : annotations.entrySet()) {
            total += utf8Length(entry.getKey()) + utf8Length(entry.getValue());
        }
        if (total <= TOTAL_ANNOTATION_SIZE_LIMIT_BYTES) {
            return List.of();
        }
        return List.of("must have at most " + TOTAL_ANNOTATION_SIZE_LIMIT_BYTES + " bytes, got " + total);
    }

    /** {@code true} when {@link #dns1123Label(String)} finds nothing wrong; allocation-free. */
    public static boolean isDns1123Label(String value) {
        return value.length() <= DNS1123_LABEL_MAX_LENGTH && isDns1123Label(value, 0, value.length());
    }

    /** {@code true} when {@link #dns1123Subdomain(String)} finds nothing wrong; allocation-free. */
    public static boolean isDns1123Subdomain(String value) {
        return value.length() <= DNS1123_SUBDOMAIN_MAX_LENGTH && isDns1123Subdomain(value, 0, value.length());
    }

    /**
     * The API server's order for a value with a length limit and a format: the length problem
     * first, then the format problem; nothing allocated for a fine value.
     */
    private static List<String> lengthAndFormat(boolean tooLong, int maxLength, boolean matches, String formatError) {
        if (!tooLong) {
            return matches ? List.of() : List.of(formatError);
        }
        return matches ? List.of(maxLengthError(maxLength)) : List.of(maxLengthError(maxLength), formatError);
    }

    // --- scanners -------------------------------------------------------------------------------

    private static boolean isDns1123Label(String s, int from, int to) {
        if (from >= to || !isLowerAlphanumeric(s.charAt(from)) || !isLowerAlphanumeric(s.charAt(to - 1))) {
            return false;
        }
        for (int i = from + 1; i < to - 1; i++) {
            char c = s.charAt(i);
            if (!isLowerAlphanumeric(c) && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isDns1123Subdomain(String s, int from, int to) {
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || s.charAt(i) == '.') {
                if (!isDns1123Label(s, start, i)) {
                    return false;
                }
                start = i + 1;
            }
        }
        return true;
    }

    private static boolean isQualifiedNamePart(String s, int from, int to) {
        if (from >= to || !isAlphanumeric(s.charAt(from)) || !isAlphanumeric(s.charAt(to - 1))) {
            return false;
        }
        for (int i = from + 1; i < to - 1; i++) {
            char c = s.charAt(i);
            if (!isAlphanumeric(c) && c != '-' && c != '_' && c != '.') {
                return false;
            }
        }
        return true;
    }

    private static String dotsError(String value) {
        if (value.equals(".")) {
            return "must not be '.'";
        }
        if (value.equals("..")) {
            return "must not be '..'";
        }
        if (value.startsWith("..")) {
            return "must not start with '..'";
        }
        return null;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLowerAlpha(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isLowerAlphanumeric(char c) {
        return isLowerAlpha(c) || isDigit(c);
    }

    private static boolean isAlphanumeric(char c) {
        return isLowerAlphanumeric(c) || (c >= 'A' && c <= 'Z');
    }

    /**
     * Go's {@code strings.ToLower}: each code point's simple lower case. Java's
     * {@code toLowerCase} maps some letters to several ('İ' to "i̇"), which Go does not; and, unlike
     * an ASCII-only lowering, the Kelvin sign becomes 'k', as it does for the API server.
     */
    public static String goToLower(String value) {
        var out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> out.appendCodePoint(Character.toLowerCase(c)));
        return out.toString();
    }

    private static String toLowerAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                var chars = value.toCharArray();
                for (int j = i; j < chars.length; j++) {
                    if (chars[j] >= 'A' && chars[j] <= 'Z') {
                        chars[j] = (char) (chars[j] + ('a' - 'A'));
                    }
                }
                return new String(chars);
            }
        }
        return value;
    }

    /** The length of the text in UTF-8 bytes, which is what Go's {@code len} and the API server's size limits count. */
    public static long utf8Length(String s) {
        if (s == null) {
            return 0;
        }
        long length = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                length++;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                length += 4;
                i++;
            } else {
                length += 3;
            }
        }
        return length;
    }

    static String maxLengthError(int length) {
        return "must be no more than " + length + " characters";
    }

    /**
     * apimachinery's {@code RegexError}, word for word: the message, the examples and the regular
     * expression, including the two spaces before each "or" that the API server prints (so a
     * message from manifestkit can be compared with one from {@code kubectl apply}).
     */
    public static String regexError(String message, String format, String... examples) {
        var out = new StringBuilder(message).append(" (");
        if (examples.length > 0) {
            out.append("e.g. ");
            for (int i = 0; i < examples.length; i++) {
                if (i > 0) {
                    out.append(" or ");
                }
                out.append('\'').append(examples[i]).append("', ");
            }
        }
        return out.append("regex used for validation is '").append(format).append("')").toString();
    }
}
