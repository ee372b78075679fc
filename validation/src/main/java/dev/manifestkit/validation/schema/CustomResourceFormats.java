package dev.manifestkit.validation.schema;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import tools.jackson.databind.JsonNode;

/**
 * The string {@code format}s the API server asserts on custom resources, with kube-openapi's
 * rules: its CR validator ({@code NewSchemaValidator}) keeps the formats of
 * {@code StripUnsupportedFormatsPostProcess} and checks string values against the
 * {@code strfmt.Default} registry, whose names ignore dashes ({@code date-time} is
 * {@code datetime}). Unknown formats are stripped, so never checked.
 *
 * <p>Only the formats whose Go rule is ported exactly are checked here: {@code date}
 * ({@code time.Parse("2006-01-02")}), {@code datetime} ({@code strfmt.IsDateTime}), {@code uuid},
 * {@code uuid3}, {@code uuid4}, {@code uuid5}, {@code byte} (govalidator's standard-alphabet,
 * padded base64), {@code duration} ({@code time.ParseDuration}, else strfmt's Scala-style
 * fallback), {@code hexcolor}, {@code ipv4} without a colon (a dotted quad, leading zeros allowed)
 * and {@code password} (anything). Not evaluated, as a missed error beats a false one: email,
 * uri, hostname, ipv6, cidr, mac, bsonobjectid, isbn, isbn10, isbn13, creditcard, ssn, rgbcolor,
 * an {@code ipv4} holding a colon, and the empty string in any format.
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
    private static final Pattern IPV4 = Pattern.compile("([0-9]+)\\.([0-9]+)\\.([0-9]+)\\.([0-9]+)");
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
            case "ipv4" -> value.indexOf(':') >= 0 || isDottedQuad(value);
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
        var parts = asciiLower(value).split("t", -1);
        if (parts.length < 2 || !isDate(parts[0])) {
            return false;
        }
        var m = TIME.matcher(parts[1]);
        return m.matches() && m.group(1).compareTo("23") <= 0 && m.group(2).compareTo("59") <= 0
                && m.group(3).compareTo("59") <= 0;
    }

    /** Go's ToLower, for what matters here: no other character lowers to an ASCII letter the rules read. */
    private static String asciiLower(String value) {
        var chars = value.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] = (char) (chars[i] + ('a' - 'A'));
            }
        }
        return new String(chars);
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
            var unit = asciiLower(m.group(3));
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

    /** Go's pre-1.17 IPv4 parsing (ParseIPSloppy): four decimal parts up to 255, leading zeros allowed. */
    private static boolean isDottedQuad(String value) {
        var m = IPV4.matcher(value);
        if (!m.matches()) {
            return false;
        }
        for (int g = 1; g <= 4; g++) {
            var part = m.group(g).replaceFirst("^0+(?=.)", "");
            if (part.length() > 3 || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
