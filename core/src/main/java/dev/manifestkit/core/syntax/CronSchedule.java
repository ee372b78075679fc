package dev.manifestkit.core.syntax;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.manifestkit.core.MessageText;

/**
 * A CronJob's {@code schedule} and {@code timeZone}, checked as the API server checks them
 * (robfig/cron's standard parser: five fields or a descriptor such as {@code @daily}), so the DSL
 * can refuse a bad schedule when it is written and the validator can report it in a file.
 */
public final class CronSchedule {

    private static final Set<String> DESCRIPTORS = Set.of("@yearly", "@annually", "@monthly", "@weekly", "@daily",
            "@midnight", "@hourly");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
            Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7),
            Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));
    private static final Map<String, Integer> DAYS = Map.of("sun", 0, "mon", 1, "tue", 2, "wed", 3, "thu", 4,
            "fri", 5, "sat", 6);

    /** Go's {@code time.ParseDuration} grammar: an optional sign, then numbers with units (or a bare 0). */
    private static final Pattern GO_DURATION = Pattern.compile(
            "[-+]?(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)");

    /** One field of a schedule: its bounds and the names it accepts. */
    private record Bounds(int min, int max, Map<String, Integer> names) {
    }

    private static final List<Bounds> FIELDS = List.of(new Bounds(0, 59, Map.of()), new Bounds(0, 23, Map.of()),
            new Bounds(1, 31, Map.of()), new Bounds(1, 12, MONTHS), new Bounds(0, 6, DAYS));

    private CronSchedule() {
    }

    /**
     * Names in the IANA database, which Go's {@code time.LoadLocation} reads, that Java keeps only
     * as short ids ({@code ZoneId.SHORT_IDS}) rather than zones.
     */
    private static final java.util.Set<String> IANA_NAMES_JAVA_LACKS = java.util.Set.of("EST", "MST", "HST");

    /**
     * Why the API server refuses {@code timeZone}, worded as it words it, or null when it names a
     * zone: an IANA name (or {@code UTC}), never empty and never {@code Local}.
     */
    public static String timeZoneProblem(String timeZone) {
        if (timeZone.isEmpty()) {
            return "timeZone must be nil or non-empty string";
        }
        if (timeZone.equalsIgnoreCase("Local")) {
            return "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones";
        }
        if (!timeZone.equals("UTC") && !IANA_NAMES_JAVA_LACKS.contains(timeZone)
                && !ZoneId.getAvailableZoneIds().contains(timeZone)) {
            return "unknown time zone " + timeZone;
        }
        return null;
    }

    /** Whether the schedule names a time zone ({@code TZ=} or {@code CRON_TZ=}), which belongs in {@code timeZone}. */
    public static boolean namesTimeZone(String schedule) {
        return schedule.contains("TZ");
    }

    /** Why robfig/cron's standard parser refuses the schedule, or null when it parses. */
    public static String parse(String schedule) {
        // as robfig/cron: a descriptor only where the text starts with '@' (" @daily" is one field)
        var spec = schedule;
        if (spec.isEmpty()) {
            return "empty spec string";
        }
        if (spec.startsWith("TZ=") || spec.startsWith("CRON_TZ=")) {
            int space = spec.indexOf(' ');
            if (space < 0) {
                return "provided bad location " + spec.substring(spec.indexOf('=') + 1) + ": unknown time zone";
            }
            spec = spec.substring(space).strip();
        }
        if (spec.startsWith("@")) {
            if (DESCRIPTORS.contains(spec)) {
                return null;
            }
            if (spec.startsWith("@every ")) {
                return GO_DURATION.matcher(spec.substring("@every ".length())).matches() ? null
                        : "failed to parse duration " + spec + ": time: invalid duration "
                                + MessageText.quote(spec.substring("@every ".length()));
            }
            return "unrecognized descriptor: " + spec;
        }
        var trimmed = spec.strip();
        var fields = trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
        if (fields.length != FIELDS.size()) {
            return "expected exactly 5 fields, found " + fields.length + ": [" + String.join(" ", fields) + "]";
        }
        for (int i = 0; i < fields.length; i++) {
            for (var expression : fields[i].split(",", -1)) {
                String problem = range(expression, FIELDS.get(i));
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    /** One comma-separated part of a field: {@code *}, {@code n}, {@code a-b}, each with an optional {@code /step}. */
    private static String range(String expression, Bounds bounds) {
        var rangeAndStep = expression.split("/", -1);
        var lowAndHigh = rangeAndStep[0].split("-", -1);
        boolean single = lowAndHigh.length == 1;
        long start;
        long end;
        if (lowAndHigh[0].equals("*") || lowAndHigh[0].equals("?")) {
            start = bounds.min();
            end = bounds.max();
        } else {
            var low = number(lowAndHigh[0], bounds.names());
            if (low instanceof String problem) {
                return problem;
            }
            start = (Long) low;
            switch (lowAndHigh.length) {
                case 1 -> end = start;
                case 2 -> {
                    var high = number(lowAndHigh[1], bounds.names());
                    if (high instanceof String problem) {
                        return problem;
                    }
                    end = (Long) high;
                }
                default -> {
                    return "too many hyphens: " + expression;
                }
            }
        }
        long step = 1;
        switch (rangeAndStep.length) {
            case 1 -> {
            }
            case 2 -> {
                var parsed = number(rangeAndStep[1], Map.of());
                if (parsed instanceof String problem) {
                    return problem;
                }
                step = (Long) parsed;
                if (single) {
                    end = bounds.max();
                }
            }
            default -> {
                return "too many slashes: " + expression;
            }
        }
        if (start < bounds.min()) {
            return "beginning of range (" + start + ") below minimum (" + bounds.min() + "): " + expression;
        }
        if (end > bounds.max()) {
            return "end of range (" + end + ") above maximum (" + bounds.max() + "): " + expression;
        }
        if (start > end) {
            return "beginning of range (" + start + ") beyond end of range (" + end + "): " + expression;
        }
        if (step == 0) {
            return "step of range should be a positive number: " + expression;
        }
        return null;
    }

    /** A name of the field, or a non-negative decimal number (a Long); else why not (a String). */
    private static Object number(String text, Map<String, Integer> names) {
        var named = names.get(text.toLowerCase(Locale.ROOT));
        if (named != null) {
            return (long) named;
        }
        if (!text.matches("[+-]?[0-9]{1,18}")) {
            return "failed to parse int from " + text + ": strconv.Atoi: parsing " + MessageText.quote(text)
                    + ": invalid syntax";
        }
        long value = Long.parseLong(text);
        if (value < 0) {
            return "negative number (" + value + ") not allowed: " + text;
        }
        return value;
    }
}
