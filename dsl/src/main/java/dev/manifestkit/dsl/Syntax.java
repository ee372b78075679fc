package dev.manifestkit.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The syntax rules the API server applies to names, keys, ports and quantities, in its own wording.
 *
 * <p>Internal: the one place the DSL asks "is this string acceptable?". Each method returns the
 * list of violated rules (empty when the value is fine), like apimachinery's validation helpers,
 * so it can be switched over to {@code dev.manifestkit.core.syntax} without touching a builder.
 */
final class Syntax {

    private static final String LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final Pattern DNS1123_LABEL = Pattern.compile(LABEL_FMT);
    private static final String SUBDOMAIN_FMT = LABEL_FMT + "(\\." + LABEL_FMT + ")*";
    private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile(SUBDOMAIN_FMT);
    private static final String QUALIFIED_NAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private static final Pattern QUALIFIED_NAME = Pattern.compile(QUALIFIED_NAME_FMT);
    private static final String ENV_VAR_FMT = "[-._a-zA-Z][-._a-zA-Z0-9]*";
    private static final Pattern ENV_VAR = Pattern.compile(ENV_VAR_FMT);
    private static final String CONFIG_KEY_FMT = "[-._a-zA-Z0-9]+";
    private static final Pattern CONFIG_KEY = Pattern.compile(CONFIG_KEY_FMT);
    private static final Pattern IANA_SVC = Pattern.compile("[-a-z0-9]+");
    private static final Pattern HAS_LETTER = Pattern.compile(".*[a-z].*");
    private static final Pattern QUANTITY = Pattern.compile(
            "[+-]?(\\d+(\\.\\d*)?|\\.\\d+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\\d+)?");

    private Syntax() {
    }

    static List<String> dns1123Label(String value) {
        var errors = new ArrayList<String>();
        if (value.length() > 63) {
            errors.add("must be no more than 63 characters");
        }
        if (!DNS1123_LABEL.matcher(value).matches()) {
            errors.add("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-',"
                    + " and must start and end with an alphanumeric character (e.g. 'my-name', or '123-abc',"
                    + " regex used for validation is '" + LABEL_FMT + "')");
        }
        return errors;
    }

    static List<String> dns1123Subdomain(String value) {
        var errors = new ArrayList<String>();
        if (value.length() > 253) {
            errors.add("must be no more than 253 characters");
        }
        if (!DNS1123_SUBDOMAIN.matcher(value).matches()) {
            errors.add("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-'"
                    + " or '.', and must start and end with an alphanumeric character (e.g. 'example.com',"
                    + " regex used for validation is '" + SUBDOMAIN_FMT + "')");
        }
        return errors;
    }

    static List<String> labelKey(String value) {
        var errors = new ArrayList<String>();
        var slash = value.indexOf('/');
        var name = value;
        if (slash >= 0) {
            var prefix = value.substring(0, slash);
            name = value.substring(slash + 1);
            if (prefix.isEmpty()) {
                errors.add("prefix part must be non-empty");
            } else {
                dns1123Subdomain(prefix).forEach(e -> errors.add("prefix part " + e));
            }
        }
        if (name.isEmpty()) {
            errors.add("name part must be non-empty");
        } else {
            if (name.length() > 63) {
                errors.add("name part must be no more than 63 characters");
            }
            if (!QUALIFIED_NAME.matcher(name).matches()) {
                errors.add("name part must consist of alphanumeric characters, '-', '_' or '.', and must start"
                        + " and end with an alphanumeric character (e.g. 'MyName', or 'my.name', or '123-abc',"
                        + " regex used for validation is '" + QUALIFIED_NAME_FMT + "')");
            }
        }
        return errors;
    }

    static List<String> labelValue(String value) {
        var errors = new ArrayList<String>();
        if (value.length() > 63) {
            errors.add("must be no more than 63 characters");
        }
        if (!value.isEmpty() && !QUALIFIED_NAME.matcher(value).matches()) {
            errors.add("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or"
                    + " '.', and must start and end with an alphanumeric character (e.g. 'MyValue', or"
                    + " 'my_value', or '12345', regex used for validation is '(" + QUALIFIED_NAME_FMT + ")?')");
        }
        return errors;
    }

    /** Container port names (IANA_SVC_NAME): at most 15 characters, a letter, no double hyphen. */
    static List<String> ianaServiceName(String value) {
        var errors = new ArrayList<String>();
        if (value.length() > 15) {
            errors.add("must be no more than 15 characters");
        }
        if (!IANA_SVC.matcher(value).matches()) {
            errors.add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
        }
        if (value.contains("--")) {
            errors.add("must not contain consecutive hyphens");
        }
        if (!HAS_LETTER.matcher(value).matches()) {
            errors.add("must contain at least one letter (a-z)");
        }
        if (value.startsWith("-") || value.endsWith("-")) {
            errors.add("must not begin or end with a hyphen");
        }
        return errors;
    }

    static List<String> envVarName(String value) {
        if (ENV_VAR.matcher(value).matches()) {
            return List.of();
        }
        return List.of("a valid environment variable name must consist of alphabetic characters, digits, '_',"
                + " '-', or '.', and must not start with a digit (e.g. 'my.env-name', or 'MY_ENV.NAME', or"
                + " 'MyEnvName1', regex used for validation is '" + ENV_VAR_FMT + "')");
    }

    static List<String> configMapKey(String value) {
        var errors = new ArrayList<String>();
        if (value.length() > 253) {
            errors.add("must be no more than 253 characters");
        }
        if (!CONFIG_KEY.matcher(value).matches()) {
            errors.add("a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g."
                    + " 'key.name', or 'KEY_NAME', or 'key-name', regex used for validation is '"
                    + CONFIG_KEY_FMT + "')");
        }
        if (value.equals(".")) {
            errors.add("must not be '.'");
        } else if (value.equals("..")) {
            errors.add("must not be '..'");
        } else if (value.startsWith("..")) {
            errors.add("must not start with '..'");
        }
        return errors;
    }

    static List<String> port(int port) {
        return port >= 1 && port <= 65535 ? List.of() : List.of("must be between 1 and 65535, inclusive");
    }

    static List<String> quantity(String value) {
        return QUANTITY.matcher(value).matches()
                ? List.of()
                : List.of("quantities must match the regular expression"
                        + " '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
    }
}
