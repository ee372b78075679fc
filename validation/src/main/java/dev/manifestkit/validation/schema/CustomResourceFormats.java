package dev.manifestkit.validation.schema;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.manifestkit.core.syntax.IpLiterals;
import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import tools.jackson.databind.JsonNode;

/**
 * The string {@code format}s the API server asserts on custom resources, with kube-openapi's
 * rules: its CR validator ({@code NewSchemaValidator}) keeps the formats of
 * {@code StripUnsupportedFormatsPostProcess} (the set of Kubernetes 1.0, whatever the server's
 * version) and checks string values against the {@code strfmt.Default} registry, whose names
 * ignore dashes ({@code date-time} is {@code datetime}). Unknown formats are stripped, so never
 * checked.
 *
 * <p>Only what is ported exactly is checked, as a missed error beats a false one:
 * <ul>
 * <li>{@code date} ({@code time.Parse("2006-01-02")}), {@code datetime} ({@code strfmt.IsDateTime}),
 * {@code uuid}, {@code uuid3}, {@code uuid4}, {@code uuid5}, {@code byte} (govalidator's
 * standard-alphabet, padded base64), {@code duration} ({@code time.ParseDuration}, else strfmt's
 * Scala-style fallback), {@code hexcolor}, {@code bsonobjectid} (24 hex digits) and
 * {@code password} (anything);</li>
 * <li>{@code ipv4} and {@code cidr} with k8s.io/utils' sloppy (Go 1.16) parsers, as strfmt calls
 * them, so {@code 010.0.0.1} passes and so does an IPv4-mapped {@code ::ffff:1.2.3.4} as ipv4;
 * {@code mac} ({@code net.ParseMAC});</li>
 * <li>{@code isbn}, {@code isbn10}, {@code isbn13}, {@code creditcard}, {@code ssn} and
 * {@code rgbcolor}, govalidator's as kube-openapi froze it ({@link Govalidator});</li>
 * <li>{@code hostname} when ASCII: strfmt's HostnamePattern (refused only where both its current pattern
 * and the one kube-openapi had in 2021 refuse) and its length limits;</li>
 * <li>{@code ipv6} in part: govalidator's {@code net.ParseIP} of the build's Go refuses at least what
 * the sloppy parser refuses, so only that is an error (a group of five or more hex digits, or an
 * embedded IPv4 part with leading zeros, passes);</li>
 * <li>{@code uri} in part ({@link GoNet#mayBeRequestURI}): an authority is not read.</li>
 * </ul>
 * Not evaluated: {@code email} ({@code net/mail.ParseAddress}, a full RFC 5322 parser that has
 * changed between Go releases), a non-ASCII {@code hostname} (Java 17's Unicode tables are older
 * than Go's, so a letter or symbol new to Unicode could be refused wrongly), and the empty string in
 * any format.
 */
final class CustomResourceFormats {

    private CustomResourceFormats() {
    }

    private static final Pattern UUID = Pattern.compile(
            "(?i)[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}");
    private static final Pattern UUID3 = Pattern.compile(
            "(?i)[0-9a-f]{8}-?[0-9a-f]{4}-?3[0-9a-f]{3}-?[0-9a-f]{4}-?[0-9a-f]{12}");
    private static final Pattern UUID4 = Pattern.compile(
            "(?i)[0-9a-f]{8}-?[0-9a-f]{4}-?4[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}");
    private static final Pattern UUID5 = Pattern.compile(
            "(?i)[0-9a-f]{8}-?[0-9a-f]{4}-?5[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}");
    private static final Pattern BASE64 = Pattern.compile(
            "(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})");
    private static final Pattern HEXCOLOR = Pattern.compile("#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})");
    private static final Pattern DATE = Pattern.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})");
    /** strfmt's DateTimePattern; RE2's {@code .} is any character but a newline (Java's with UNIX_LINES). */
    private static final Pattern TIME = Pattern.compile(
            "(?d)([0-9]{2}):([0-9]{2}):([0-9]{2})(.[0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))");
    private static final Pattern BSON_OBJECT_ID = Pattern.compile("[0-9a-fA-F]{24}");
    /** A HostnamePattern character in ASCII: {@code [a-zA-Z0-9\p{S}\p{L}]}, the ASCII symbols spelled out. */
    private static final String HOST_CHAR = "[a-zA-Z0-9$+<=>^`|~]";
    private static final String HOST_LABELS = "(" + HOST_CHAR + "([-a-zA-Z0-9$+<=>^`|~]{0,61}" + HOST_CHAR + ")?\\.)+";
    /** strfmt's HostnamePattern now: the last label 2 to 63 letters. */
    private static final Pattern HOSTNAME = Pattern.compile(
            HOST_CHAR + "(-?" + HOST_CHAR + "{0,62})?|" + HOST_LABELS + "[a-zA-Z]{2,63}");
    /** The one kube-openapi had in 2021: the last label may hold digits and single dashes. */
    private static final Pattern HOSTNAME_BEFORE = Pattern.compile(
            HOST_CHAR + "(-?" + HOST_CHAR + "{0,62})?|" + HOST_LABELS + HOST_CHAR + "(-?" + HOST_CHAR + "){1,62}");
    /** strfmt's durationMatcher, with RE2's ASCII {@code \d} and {@code \s}. */
    private static final Pattern SCALA_DURATION = Pattern.compile("(([0-9]+)[\\t\\n\\f\\r ]*([A-Za-z\u00B5]+))");
    private static final List<List<String>> TIME_UNITS = List.of(List.of("ns", "nano"), List.of("us", "\u00B5s", "micro"),
            List.of("ms", "milli"), List.of("s", "sec"), List.of("m", "min"), List.of("h", "hr", "hour"),
            List.of("d", "day"), List.of("w", "wk", "week"));
    private static final Map<String, Long> GO_UNITS = Map.of("ns", 1L, "us", 1_000L, "\u00B5s", 1_000L,
            "\u03BCs", 1_000L, "ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);
    private static final BigInteger TWO_63 = BigInteger.ONE.shiftLeft(63);

    /**
     * Whether a string value satisfies a format: false only when the server's rule refuses it;
     * true for formats not checked here.
     */
    static boolean satisfies(String format, String value) {
        if (value.isEmpty()) {
            return true;
        }
        return switch (format.replace("-", "")) {
            case "date" -> isDate(value);
            case "datetime" -> isDateTime(value);
            case "uuid" -> UUID.matcher(value).matches();
            case "uuid3" -> UUID3.matcher(value).matches();
            case "uuid4" -> UUID4.matcher(value).matches();
            case "uuid5" -> UUID5.matcher(value).matches();
            case "byte" -> BASE64.matcher(value).matches();
            case "hexcolor" -> HEXCOLOR.matcher(value).matches();
            case "duration" -> isDuration(value);
            case "ipv4" -> value.indexOf('.') >= 0 && IpLiterals.parse(value) != null;
            case "ipv6" -> value.indexOf(':') >= 0 && IpLiterals.parse(value) != null;
            case "cidr" -> IpLiterals.isCidr(value);
            case "mac" -> GoNet.isMAC(value);
            case "uri" -> GoNet.mayBeRequestURI(value);
            case "hostname" -> isHostname(value);
            case "bsonobjectid" -> BSON_OBJECT_ID.matcher(value).matches();
            case "isbn" -> Govalidator.isISBN10(value) || Govalidator.isISBN13(value);
            case "isbn10" -> Govalidator.isISBN10(value);
            case "isbn13" -> Govalidator.isISBN13(value);
            case "creditcard" -> Govalidator.isCreditCard(value);
            case "ssn" -> Govalidator.isSSN(value);
            case "rgbcolor" -> Govalidator.isRGBColor(value);
            default -> true;
        };
    }

    /**
     * Adds a violation for each string of {@code value} whose schema's format refuses it, and for
     * each embedded resource without a usable apiVersion or kind, walking properties,
     * {@code additionalProperties} and {@code items} of the definition's schema as written.
     */
    /**
     * Whether a structural schema declares a {@code format} or an embedded resource anywhere
     * {@link #violations} looks, so that objects of a definition without either are not walked.
     */
    static boolean used(JsonNode schema) {
        return StructuralSchemas.anywhere(schema,
                s -> s.has("format") || s.path("x-kubernetes-embedded-resource").asBoolean(false));
    }

    static void violations(JsonNode value, JsonNode schema, FieldPath path, List<SchemaViolation> out) {
        if (schema == null || value == null || !schema.isObject()) {
            return;
        }
        if (value.isObject() && schema.path("x-kubernetes-embedded-resource").asBoolean(false)) {
            embeddedResource(value, path, out);
        }
        if (value.isString()) {
            var format = schema.get("format");
            if (format != null && format.isString() && !satisfies(format.asString(), value.asString())) {
                out.add(new SchemaViolation(path, ErrorType.INVALID, KindSchema.render(value),
                        path + " in body must be of type " + format.asString() + ": " + KindSchema.render(value)));
            }
        } else if (value.isObject()) {
            var properties = schema.get("properties");
            var additional = schema.get("additionalProperties");
            for (var entry : value.properties()) {
                var name = entry.getKey();
                if (properties != null && properties.has(name)) {
                    violations(entry.getValue(), properties.get(name), path.child(name), out);
                } else if (additional != null && additional.isObject()) {
                    violations(entry.getValue(), additional, path.key(name), out);
                }
            }
        } else if (value.isArray()) {
            var items = schema.get("items");
            for (int i = 0; i < value.size(); i++) {
                violations(value.get(i), items, path.index(i), out);
            }
        }
    }

    /**
     * objectmeta's {@code validateEmbeddedResource}: an {@code x-kubernetes-embedded-resource}
     * object needs {@code apiVersion} and {@code kind} (whether or not it preserves unknown
     * fields), each a non-empty string, the apiVersion one that ParseGroupVersion takes.
     */
    private static void embeddedResource(JsonNode value, FieldPath path, List<SchemaViolation> out) {
        for (var field : new String[] {"apiVersion", "kind"}) {
            var given = value.get(field);
            var at = path.child(field);
            if (given == null) {
                out.add(new SchemaViolation(at, ErrorType.REQUIRED, null, ""));
            } else if (!given.isString()) {
                if (!given.isNull()) { // a null is dropped as absent by the reader; the server would see it
                    out.add(new SchemaViolation(at, ErrorType.INVALID, KindSchema.render(given), "must be a string"));
                }
            } else if (given.asString().isEmpty()) {
                out.add(new SchemaViolation(at, ErrorType.INVALID, KindSchema.render(given), "must not be empty"));
            } else if (field.equals("apiVersion") && given.asString().chars().filter(c -> c == '/').count() > 1) {
                out.add(new SchemaViolation(at, ErrorType.INVALID, KindSchema.render(given),
                        "unexpected GroupVersion string: " + given.asString()));
            }
        }
    }

    /** Go's {@code time.Parse("2006-01-02", s)}: four-digit year, two-digit month and day, a real day. */
    static boolean isDate(String value) {
        var m = DATE.matcher(value);
        if (!m.matches()) {
            return false;
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        if (month < 1 || month > 12 || day < 1) {
            return false;
        }
        boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        int[] days = {31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        return day <= days[month - 1];
    }

    /**
     * strfmt's {@code IsDateTime}: at least 4 bytes; lower-cased and split at every {@code t},
     * the first part a date and the second a time of DateTimePattern with hours up to 23 and
     * minutes and seconds up to 59 (parts after a further {@code t} are not looked at).
     */
    static boolean isDateTime(String value) {
        if (value.getBytes(StandardCharsets.UTF_8).length < 4) {
            return false;
        }
        var parts = Names.goToLower(value).split("t", -1);
        if (parts.length < 2 || !isDate(parts[0])) {
            return false;
        }
        var m = TIME.matcher(parts[1]);
        return m.matches() && m.group(1).compareTo("23") <= 0 && m.group(2).compareTo("59") <= 0
                && m.group(3).compareTo("59") <= 0;
    }


    /** strfmt's {@code ParseDuration}: Go's {@code time.ParseDuration}, else its Scala-style fallback. */
    static boolean isDuration(String value) {
        return isGoDuration(value) || isScalaDuration(value);
    }

    private static boolean isScalaDuration(String value) {
        var m = SCALA_DURATION.matcher(value);
        boolean ok = false;
        while (m.find()) {
            try {
                Long.parseLong(m.group(2)); // strconv.Atoi: a factor beyond int64 fails the whole string
            } catch (NumberFormatException e) {
                return false;
            }
            var unit = Names.goToLower(m.group(3));
            for (var variants : TIME_UNITS) {
                int last = variants.size() - 1;
                for (int i = 0; i <= last; i++) {
                    var variant = variants.get(i);
                    if ((i == last && unit.startsWith(variant)) || variant.equalsIgnoreCase(unit)) {
                        ok = true;
                    }
                }
            }
        }
        return ok;
    }

    /** Go's {@code time.ParseDuration}: {@code [-+]?([0-9]*(\.[0-9]*)?[a-z]+)+}, or "0", within int64 nanoseconds. */
    static boolean isGoDuration(String value) {
        var s = value;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return true;
        }
        if (s.isEmpty()) {
            return false;
        }
        var total = BigInteger.ZERO;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (!(c == '.' || (c >= '0' && c <= '9'))) {
                return false;
            }
            int start = i;
            var whole = BigInteger.ZERO;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                whole = whole.multiply(BigInteger.TEN).add(BigInteger.valueOf(s.charAt(i) - '0'));
                if (whole.compareTo(TWO_63) > 0) {
                    return false; // leadingInt overflows
                }
                i++;
            }
            boolean pre = i != start;
            boolean post = false;
            long fraction = 0;
            double scale = 1;
            if (i < s.length() && s.charAt(i) == '.') {
                i++;
                int fractionStart = i;
                boolean overflow = false;
                while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                    if (!overflow) {
                        if (fraction > (Long.MAX_VALUE - 9) / 10) {
                            overflow = true; // leadingFraction stops accumulating, keeps consuming
                        } else {
                            fraction = fraction * 10 + (s.charAt(i) - '0');
                            scale *= 10;
                        }
                    }
                    i++;
                }
                post = i != fractionStart;
            }
            if (!pre && !post) {
                return false;
            }
            int unitStart = i;
            while (i < s.length() && !(s.charAt(i) == '.' || (s.charAt(i) >= '0' && s.charAt(i) <= '9'))) {
                i++;
            }
            var unit = GO_UNITS.get(s.substring(unitStart, i));
            if (unit == null) {
                return false; // missing or unknown unit
            }
            var unitBig = BigInteger.valueOf(unit);
            if (whole.compareTo(TWO_63.divide(unitBig)) > 0) {
                return false;
            }
            var v = whole.multiply(unitBig);
            if (fraction > 0) {
                v = v.add(BigInteger.valueOf((long) ((double) fraction * ((double) unit / scale))));
                if (v.compareTo(TWO_63) > 0) {
                    return false;
                }
            }
            total = total.add(v);
            if (total.compareTo(TWO_63) > 0) {
                return false;
            }
        }
        return negative || total.compareTo(TWO_63) < 0;
    }

    /**
     * strfmt's {@code IsHostname} for an ASCII value: HostnamePattern (note that a single label
     * takes a dash only right after its first character), at most 255 bytes, labels of at most 63.
     */
    static boolean isHostname(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) >= 0x80) {
                return true; // not evaluated
            }
        }
        if (value.length() > 255) {
            return false;
        }
        if (!HOSTNAME.matcher(value).matches() && !HOSTNAME_BEFORE.matcher(value).matches()) {
            return false;
        }
        for (var label : value.split("\\.", -1)) {
            if (label.length() > 63) {
                return false;
            }
        }
        return true;
    }
}
