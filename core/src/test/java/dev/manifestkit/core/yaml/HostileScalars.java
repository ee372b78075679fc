package dev.manifestkit.core.yaml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.manifestkit.core.tree.Trees;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Strings that YAML readers of either generation could read as something else, or not at all:
 * every YAML 1.1 and 1.2 special scalar in every letter case, number and date look-alikes,
 * indicators, blanks, every control character, the Unicode line and page separators, byte order
 * marks, document markers inside multi-line text, long lines. Public for the other modules' tests,
 * through core's test jar.
 */
public final class HostileScalars {

    private static final String[] WORDS = {
        "y", "n", "yes", "no", "on", "off", "true", "false", "null", "nil", "none", "inf", "nan", ".inf", "-.inf",
        "+.inf", ".nan", "infinity", "nan", "~", "=", "<<",
    };

    private static final String[] NUMBERS = {
        "0", "-0", "+0", "00", "007", "08", "09", "017", "0755", "0644", "-017", "+017", "0o17", "0O17", "-0o17",
        "0x1F", "0X1f", "-0x1F", "+0x1F", "0x_1F", "0b101", "0B101", "-0b101", "+0b101", "0b1_0", "1_000", "1__0",
        "_1", "1_", "+_1", "-_1", "1:20", "1:20:30", "1:20:30.5", "-1:20", "+1:20", "190:20:30.15", "1:60",
        "12:30:00", "1e3", "1E3", "1e+3", "1e-3", "1.0e+3", "1.5E-3", "-1e3", "6.8523015e+5", "685_230.15",
        "1.", "1.0", ".5", "+.5", "-.5", "._5", "0.", ".0", "1,000", "1.2.3", "+1", "-1", "+", "-", ".", "..",
        "+.", "-.", "1e", "1e+", "0x", "0b", "0o", "0xG", "123456789012345678901234567890", "9223372036854775808",
        "1e400", "Infinity", "-Infinity", "NaN", "+inf", "-inf", "0.0.0.0", "127.0.0.1", "1.2.3.4/32", "10%",
        "3.14", "-3.14", "2.", "0xffffffff", "1_2_3", "1:2:3:4", "0:0",
    };

    private static final String[] DATES = {
        "2001-12-14", "2001-12-14t21:59:43.10-05:00", "2001-12-14T21:59:43.10Z", "2001-12-14 21:59:43.10 -5",
        "2001-12-15 2:59:43.10", "2002-1-1", "2002-12-14T00:00:00", "2001-12-14t21:59:43.10", "1999-99-99",
        "2001-12-14T21:59:43+01:00",
    };

    private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

    private HostileScalars() {
    }

    /** The whole set, without repeats, in a fixed order. */
    public static List<String> values() {
        var values = new LinkedHashSet<String>();
        for (String word : WORDS) {
            values.addAll(caseVariants(word));
        }
        for (String number : NUMBERS) {
            values.addAll(caseVariants(number));
        }
        values.addAll(List.of(DATES));
        values.add("");
        for (String blank : List.of(" ", "  ", "\t", " \t ")) {
            values.addAll(List.of(blank, blank + "a", "a" + blank, blank + "a" + blank, "a" + blank + "b",
                    blank + "true", "1" + blank, blank + "#", "a" + blank + "#b"));
        }
        for (char c = 0; c < 0x20; c++) {
            addAround(values, String.valueOf(c));
        }
        for (int c : new int[] {0x7F, 0x80, 0x85, 0x9F, 0xA0, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF, 0x1F680,
            0x10FFFF, 0xE000}) {
            addAround(values, Character.toString(c));
        }
        values.addAll(List.of("\uFEFFtrue", "\uFEFF---", "emoji \uD83D\uDE80 rocket", "\uD83D\uDE80", "é", "日本語"));
        values.addAll(lineBreaks());
        for (char indicator : INDICATORS.toCharArray()) {
            String i = String.valueOf(indicator);
            values.addAll(List.of(i, i + i, i + "a", i + " a", "a" + i, "a" + i + "b", "a " + i, "a " + i + " b",
                    "a" + i + " b", i + "\n" + i));
        }
        values.addAll(List.of("a: b", "a:b", "a:", "a :", "a #b", "a#b", "#", " #", ": ", "- ", "? ", "-- ",
                "---", "...", "--- a", "... a", "---a", "...a", "----", "....", "- - a", "a\\b", "\\", "\\n",
                "\\\"", "'", "\"", "''", "\"\"", "a'b", "a\"b", "'a'", "\"a\"", "&a *a", "!!str", "!!int 1",
                "%YAML 1.1", "{}", "[]", "{a: 1}", "[1, 2]", "a, b", "a,b", "<<: *a", "= x", "x =",
                "http://example.com/a?b=c#d", "nginx:1.27", "500m", "2Gi", "app.kubernetes.io/name", "${VAR}",
                "$(VAR)", "{{ .Values.x }}", "a\u00A0", "\u00A0a"));
        String word = "abcdefghi ";
        values.addAll(List.of(word.repeat(9), "x".repeat(81), word.repeat(103), "y".repeat(1025),
                "1".repeat(1030), word.repeat(120) + "\n" + word.repeat(120), " " + "z".repeat(1100) + " ",
                "a: b ".repeat(250)));
        values.addAll(surrogates());
        return List.copyOf(values);
    }

    /** Lone surrogates, which no UTF-8 text can hold: a writer must refuse or escape them. */
    static List<String> surrogates() {
        return List.of("\uD800", "a\uDC00", "\uDBFFx", "\uDC00\uD800");
    }

    /** The set less lone surrogates, for readers of UTF-8 text. */
    public static List<String> encodable() {
        var surrogates = Set.copyOf(surrogates());
        return values().stream().filter(v -> !surrogates.contains(v)).toList();
    }

    private static List<String> lineBreaks() {
        var values = new ArrayList<String>();
        for (String br : List.of("\n", "\r\n", "\r", "\u0085", "\u2028", "\u2029")) {
            values.addAll(List.of(br, br + br, "a" + br, br + "a", "a" + br + "b", "a" + br + br + "b",
                    "a" + br + br, " a" + br + "b", "a " + br + "b", "a" + br + " b", "a" + br + "\tb",
                    "\ta" + br + "b", "a" + br + "---" + br + "b", "a" + br + "..." + br + "b", "---" + br + "a",
                    "..." + br, "a" + br + "--- b", "a" + br + "# b", "a" + br + "  # b", "a" + br + "- b",
                    "a" + br + "  ", "a" + br + "\t", "a" + br + " ", " " + br, br + " ", "a" + br + "b" + br));
        }
        values.addAll(List.of("line one\nline two\n", "#!/bin/sh\nset -e\necho \"$1\"\n", "a\n\n\n",
                "\n\na", "key: value\nother: 1\n", "- a\n- b\n", "[a]\n{b}", "a\n\u00A0b", "a\n\uFEFFb",
                "a\n%YAML 1.1\nb", "x\n---", "x\n...", "y\nn", "true\nfalse", "a\u0085\nb", "a\u2028\nb",
                "a\n\u0000b", "a\n\u001Bb\n", "\ta\n\tb\n", "  indented\nfirst\n", "a\n    deeper\nb\n"));
        return values;
    }

    private static void addAround(Set<String> values, String c) {
        values.addAll(List.of(c, "a" + c, c + "a", "a" + c + "b", c + c));
    }

    /** Every upper- and lower-case spelling of a string with up to 8 letters; the string alone otherwise. */
    static List<String> caseVariants(String s) {
        var letters = new ArrayList<Integer>();
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                letters.add(i);
            }
        }
        if (letters.size() > 8) {
            return List.of(s);
        }
        var variants = new LinkedHashSet<String>();
        for (int mask = 0; mask < 1 << letters.size(); mask++) {
            var chars = s.toLowerCase(Locale.ROOT).toCharArray();
            for (int bit = 0; bit < letters.size(); bit++) {
                if ((mask & 1 << bit) != 0) {
                    chars[letters.get(bit)] = Character.toUpperCase(chars[letters.get(bit)]);
                }
            }
            variants.add(new String(chars));
        }
        variants.add(s);
        return List.copyOf(variants);
    }

    /** ConfigMap and Secret data keys ({@code [-._a-zA-Z0-9]+}) that read as something else when bare. */
    public static List<String> dataKeys() {
        var keys = new LinkedHashSet<String>();
        for (String word : List.of("y", "n", "yes", "no", "on", "off", "true", "false", "null", ".inf", ".nan")) {
            keys.addAll(caseVariants(word));
        }
        keys.addAll(List.of("1", "0", "-1", "017", "0o17", "0x1", "0x1F", "0b1", "1_000", "1e3", "1E3", "1.5", ".5",
                "-.5", "1.", "-", ".", "_", "--", "..", "...", "---", "-a", ".a", "_a", "a-", "a.", "1-2", "-0",
                "2001-12-14", "1.0e-3", "1_0", "0.0", "-.inf", "x".repeat(127), "x".repeat(128), "9".repeat(253),
                "-".repeat(253), "a.b-c_d", "1e3.yaml", ".env"));
        return List.copyOf(keys);
    }

    /**
     * A custom resource holding every value in each place a string can stand: annotation and map
     * values ({@code kNNNN} for the value's index), sequence items, items of a sequence in a
     * sequence, and keys, both at the top of a map and in a map in a sequence.
     */
    public static ObjectNode tree(List<String> values) {
        var tree = Trees.jsonMapper().createObjectNode();
        tree.put("apiVersion", "example.com/v1");
        tree.put("kind", "Hostile");
        var metadata = tree.putObject("metadata");
        metadata.put("name", "hostile");
        var annotations = metadata.putObject("annotations");
        var spec = tree.putObject("spec");
        var map = spec.putObject("values");
        var items = spec.putArray("items");
        var nested = spec.putArray("nested");
        var keys = spec.putObject("keys");
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            annotations.put(key(i), value);
            map.put(key(i), value);
            items.add(value);
            nested.addArray().add(value).addObject().put(value, value);
            keys.put(value, key(i));
        }
        return tree;
    }

    /**
     * Where a reader's document of {@link #tree} does not hold the very string written there, one
     * line each; empty when it read every value back.
     */
    public static List<String> misreadings(JsonNode document, List<String> values) {
        var wrong = new ArrayList<String>();
        var spec = document.path("spec");
        var keys = new HashMap<String, String>();
        spec.path("keys").properties().forEach(e -> keys.put(e.getValue().asString(""), e.getKey()));
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            var nested = spec.path("nested").path(i);
            check(wrong, "annotation value", value, document.path("metadata").path("annotations").path(key(i)));
            check(wrong, "map value", value, spec.path("values").path(key(i)));
            check(wrong, "sequence item", value, spec.path("items").path(i));
            check(wrong, "nested sequence item", value, nested.path(0));
            check(wrong, "value in a map in a sequence", value, nested.path(1).path(value));
            if (!value.equals(keys.get(key(i)))) {
                wrong.add("key " + show(value) + " read as " + (keys.containsKey(key(i)) ? show(keys.get(key(i)))
                        : "nothing"));
            }
        }
        return wrong;
    }

    private static void check(List<String> wrong, String place, String value, JsonNode read) {
        if (!read.isString() || !read.asString().equals(value)) {
            wrong.add(place + " " + show(value) + " read as " + (read.isString() ? show(read.asString()) : read));
        }
    }

    private static String key(int index) {
        return String.format("k%04d", index);
    }

    /** The string in double quotes, with everything but printable ASCII escaped. */
    public static String show(String value) {
        var out = new StringBuilder("\"");
        String shown = value.length() > 60 ? value.substring(0, 60) : value;
        shown.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\'
                ? String.valueOf((char) c) : String.format("\\u%04X", c)));
        return out.append(value.length() > 60 ? "\"… (" + value.length() + " chars)" : "\"").toString();
    }
}
