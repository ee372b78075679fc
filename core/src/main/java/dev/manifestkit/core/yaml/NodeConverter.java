package dev.manifestkit.core.yaml;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.manifestkit.core.MessageText;
import dev.manifestkit.core.SourceLocation;
import dev.manifestkit.core.SourceLocations;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns one composed SnakeYAML document (YAML 1.1 tags already resolved) into a Jackson tree the
 * way Kubernetes tools read YAML: {@code yes}/{@code on} are booleans, {@code 0755} is 493, nulls
 * are absent fields, non-string keys become their string form, merge keys ({@code <<}) are
 * applied, duplicate keys are refused. Records where each value stood, by JSON pointer.
 */
final class NodeConverter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger ULONG_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final Pattern DECIMAL_DIGITS = Pattern.compile("[-+]?[0-9]+");
    private static final JsonNode IN_PROGRESS = NODES.stringNode("<in progress>");
    /** The tags go-yaml v2 checks an explicitly tagged scalar's value against. */
    private static final Set<Tag> RESOLVED_BY_GO_YAML = Set.of(Tag.BOOL, Tag.INT, Tag.FLOAT, Tag.NULL, Tag.TIMESTAMP);
    /**
     * The four layouts go-yaml v2 (its parseTimestamp) tries with Go's time.Parse, as text:
     * {@code 2006-1-2T15:4:5.999999999Z07:00}, the same with a lower-case {@code t},
     * {@code 2006-1-2 15:4:5.999999999} and {@code 2006-1-2}; the ranges are checked apart.
     */
    private static final Pattern TIMESTAMP = Pattern.compile("([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"
            + "(?:([Tt ])([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:[.,][0-9]+)?(Z|[-+]([0-9]{2}):([0-9]{2}))?)?");
    private static final KubectlResolver RESOLVER = new KubectlResolver();
    /** Recently seen keys, one instance each: see {@link #sharedKey}. */
    private static final String[] KEYS = new String[2048];

    private final String origin;
    private final ReaderOptions options;
    private final SourceLocations.Builder locations;
    private final Map<Node, Converted> anchored = new IdentityHashMap<>();
    /** Values in the tree so far, counting those that aliases repeat. */
    private long weight;
    private long expanded;
    /**
     * Characters of the keys' and scalars' text in the tree so far, counting those aliases repeat.
     * Without aliases they cannot outnumber the document's own characters (escapes, folding and
     * indentation only shrink text), so past {@link ReaderOptions#maxDocumentBytes} they prove a
     * bomb of long scalars, which the counts of aliases and values do not see.
     */
    private long characters;
    private boolean recording;

    private record Converted(JsonNode node, long size, long characters) {
    }

    private NodeConverter(String origin, ReaderOptions options) {
        this.origin = origin;
        this.options = options;
        this.locations = new SourceLocations.Builder();
        this.recording = options.recordLocations();
    }

    /** The document's tree and locations; the root must be a mapping. */
    static Result convert(Node root, String origin, ReaderOptions options, int index) {
        if (!(root instanceof MappingNode)) {
            throw new ManifestReadException(origin, location(root.getStartMark()), "document " + (index + 1)
                    + " is " + describe(root) + ", not a Kubernetes object (a mapping with apiVersion and kind)",
                    null);
        }
        var converter = new NodeConverter(origin, options);
        var tree = (ObjectNode) converter.value(root, root, "", 0);
        return new Result(tree, converter.locationMap());
    }

    record Result(ObjectNode tree, Map<String, SourceLocation> locations) {
    }

    /** The recorded locations, compact and immutable (which {@code ManifestDocument} then keeps without copying). */
    private Map<String, SourceLocation> locationMap() {
        return locations.build();
    }

    /**
     * The JSON value of a node, or {@code null} for a YAML null. Its location is that of
     * {@code at}: the key of a mapping's value, since a problem is about the field (and a nested
     * mapping or list starts on the line after its key), or else the node itself.
     */
    private JsonNode value(Node node, Node at, String pointer, int depth) {
        if (depth > options.maxNestingDepth()) {
            throw error(node.getStartMark(), "nesting deeper than " + options.maxNestingDepth()
                    + " levels (ReaderOptions.maxNestingDepth)");
        }
        if (node instanceof ScalarNode scalar) {
            count(scalar.getValue().length(), node);
            JsonNode value = scalar(scalar);
            if (value != null) {
                record(pointer, at);
                weight++;
            }
            return value;
        }
        boolean isAnchored = node.getAnchor() != null;
        if (isAnchored) {
            Converted done = anchored.get(node);
            if (done != null) {
                if (done.node() == IN_PROGRESS) {
                    throw error(node.getStartMark(), "alias *" + node.getAnchor() + " refers to itself");
                }
                expanded += done.size();
                weight += done.size();
                count(done.characters(), node);
                if (expanded > options.maxAliasExpansion()) {
                    throw error(node.getStartMark(), "aliases expand to more than " + options.maxAliasExpansion()
                            + " values (an alias bomb?); ReaderOptions.maxAliasExpansion");
                }
                record(pointer, at);
                return done.node();
            }
            anchored.put(node, new Converted(IN_PROGRESS, 0, 0));
        }
        long before = weight;
        long charactersBefore = characters;
        JsonNode result = node instanceof MappingNode mapping ? mapping(mapping, pointer, depth)
                : sequence((SequenceNode) node, pointer, depth);
        weight++;
        record(pointer, at);
        if (isAnchored) {
            anchored.put(node, new Converted(result, weight - before, characters - charactersBefore));
        }
        return result;
    }

    /**
     * A mapping as go-yaml v2 fills a map: keys in order, each merge key ({@code <<}) setting the
     * keys of its mappings over those set before it (of a list of mappings, the first wins), so a
     * key set after a merge overrides it and one set before is overridden.
     */
    private ObjectNode mapping(MappingNode mapping, String pointer, int depth) {
        List<NodeTuple> tuples = mapping.getValue();
        // sized for its keys: Jackson's default table has 16 slots, most Kubernetes mappings 1 to 4 keys
        var out = new ObjectNode(NODES, new LinkedHashMap<>(tuples.size() * 4 / 3 + 1));
        /** Keys given a null value, and (only in a mapping with merge keys) every key set explicitly. */
        Set<String> absent = null;
        Set<String> explicit = null;
        for (NodeTuple tuple : tuples) {
            Node keyNode = tuple.getKeyNode();
            if (Tag.MERGE.equals(keyNode.getTag())) {
                if (explicit == null) {
                    explicit = new HashSet<>(out.propertyNames());
                    if (absent != null) {
                        explicit.addAll(absent);
                    }
                }
                merge(out, absent, tuple.getValueNode(), pointer, depth);
                continue;
            }
            String key = key(keyNode);
            count(((ScalarNode) keyNode).getValue().length(), keyNode);
            if (explicit != null ? !explicit.add(key) : out.has(key) || absent != null && absent.contains(key)) {
                throw error(keyNode.getStartMark(), "duplicate key \"" + key + "\"" + firstOccurrence(tuples, key));
            }
            JsonNode value = value(tuple.getValueNode(), keyNode, pointer + "/" + escape(key), depth + 1);
            if (value != null) {
                out.set(key, value);
                if (absent != null) {
                    absent.remove(key);
                }
            } else {
                out.remove(key);
                absent = absent == null ? new HashSet<>() : absent;
                absent.add(key);
            }
        }
        return out;
    }

    /** Applies a merge key: the keys of the merged mappings, over what the mapping set so far. */
    private void merge(ObjectNode out, Set<String> absent, Node merge, String pointer, int depth) {
        List<Node> sources = merge instanceof SequenceNode sequence ? sequence.getValue() : List.of(merge);
        for (Node source : sources) {
            if (!(source instanceof MappingNode)) {
                throw error(source.getStartMark(), "a merge key (<<) takes a mapping or a list of mappings, not "
                        + describe(source));
            }
        }
        for (int i = sources.size() - 1; i >= 0; i--) {
            boolean wasRecording = recording;
            recording = false;
            JsonNode merged;
            try {
                merged = value(sources.get(i), sources.get(i), pointer, depth + 1);
            } finally {
                recording = wasRecording;
            }
            for (Map.Entry<String, JsonNode> entry : merged.properties()) {
                out.set(entry.getKey(), entry.getValue());
                if (absent != null) {
                    absent.remove(entry.getKey());
                }
            }
        }
    }

    private ArrayNode sequence(SequenceNode sequence, String pointer, int depth) {
        List<Node> items = sequence.getValue();
        var out = NODES.arrayNode(items.size());
        for (int i = 0; i < items.size(); i++) {
            JsonNode value = value(items.get(i), items.get(i), pointer + "/" + i, depth + 1);
            out.add(value == null ? NODES.nullNode() : value);
        }
        return out;
    }

    private String key(Node keyNode) {
        if (!(keyNode instanceof ScalarNode scalar)) {
            throw error(keyNode.getStartMark(), "a mapping key must be a string, not " + describe(keyNode));
        }
        Tag tag = scalar.getTag();
        if (Tag.FLOAT.equals(tag) && RESOLVER.resolve(NodeId.scalar, scalar.getValue(), true).equals(Tag.FLOAT)) {
            String text = scalar.getValue().replace("_", "");
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".inf") || lower.equals(".nan")) {
                return lower.startsWith("-") ? "-.inf" : lower.endsWith(".nan") ? ".nan" : ".inf";
            }
        }
        JsonNode value = scalar(scalar);
        if (value == null) {
            throw error(keyNode.getStartMark(), "a mapping key must not be null; kubectl refuses it (unsupported map key)");
        }
        if (value.isDouble() || Tag.FLOAT.equals(tag) && value.isNumber()) {
            if (Tag.INT.equals(tag) && isUnsigned64(scalar.getValue().replace("_", ""), bigInteger(scalar.getValue()))) {
                throw error(keyNode.getStartMark(), "the key " + MessageText.oneLine(scalar.getValue(), 40)
                        + " is an unsigned 64-bit integer, which kubectl refuses as a key (unsupported map key of type"
                        + " uint64); quote it");
            }
            double number = value.asDouble();
            if (Tag.FLOAT.equals(tag)) {
                try {
                    number = Double.parseDouble(scalar.getValue().replace("_", "")); // keeps -0.0
                } catch (NumberFormatException e) {
                    // a form Java does not parse: the value read is the number
                }
            }
            return sharedKey(goFloatKey(number));
        }
        return sharedKey(value.asString());
    }

    /**
     * A number key as sigs.k8s.io/yaml writes it: Go's {@code strconv.FormatFloat(f, 'g', -1, 32)},
     * the shortest digits that give the float32 back, in exponent form from an exponent of 6 or
     * below -4 ({@code 1e+06}, {@code 1.2345679e+08}, {@code 1e-05}).
     */
    static String goFloatKey(double number) {
        float f = (float) number;
        if (Float.isInfinite(f)) {
            return f > 0 ? ".inf" : "-.inf";
        }
        if (f == 0) {
            return 1 / f < 0 ? "-0" : "0";
        }
        var exact = new BigDecimal(Math.abs(f));
        BigDecimal shortest = exact;
        for (int precision = 1; precision <= 9; precision++) {
            shortest = exact.round(new java.math.MathContext(precision, java.math.RoundingMode.HALF_EVEN));
            if (Float.parseFloat(shortest.toString()) == Math.abs(f)) {
                break;
            }
        }
        shortest = shortest.stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int point = digits.length() - shortest.scale();
        int exponent = point - 1;
        var out = new StringBuilder(f < 0 ? "-" : "");
        if (exponent < -4 || exponent >= 6) {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            out.append(exponent < 0 ? "e-" : "e+");
            int magnitude = Math.abs(exponent);
            out.append(magnitude < 10 ? "0" : "").append(magnitude);
        } else if (point <= 0) {
            out.append("0.").append("0".repeat(-point)).append(digits);
        } else if (point >= digits.length()) {
            out.append(digits).append("0".repeat(point - digits.length()));
        } else {
            out.append(digits, 0, point).append('.').append(digits, point, digits.length());
        }
        return out.toString();
    }

    /**
     * The one instance of a recently seen key. Every document of a file repeats the same few dozen
     * keys ({@code metadata}, {@code name}, {@code containers}), and each read makes a new string
     * of each; shared, a document read in a large batch keeps about 18 fewer strings alive. The
     * cache is direct-mapped and bounded, and races harmlessly: strings are immutable, and a
     * missed share only costs memory. Keys only: values may be a Secret's.
     */
    static String sharedKey(String key) {
        if (key.length() > 64) {
            return key;
        }
        int hash = key.hashCode();
        int slot = (hash ^ (hash >>> 16)) & (KEYS.length - 1);
        String cached = KEYS[slot];
        if (key.equals(cached)) {
            return cached;
        }
        KEYS[slot] = key;
        return key;
    }

    private JsonNode scalar(ScalarNode scalar) {
        Tag tag = scalar.getTag();
        if (tag != Tag.STR && tag != Tag.INT && tag != Tag.BOOL && tag != Tag.NULL && tag != Tag.FLOAT
                && RESOLVED_BY_GO_YAML.contains(tag)) {
            return explicit(scalar, tag);
        }
        return scalar(tag, scalar.getValue(), scalar.getStartMark());
    }

    /** The value of a scalar of a tag, or {@code null} for a YAML null. */
    private JsonNode scalar(Tag tag, String text, Mark mark) {
        if (Tag.NULL.equals(tag)) {
            return null;
        }
        if (Tag.BOOL.equals(tag)) {
            return NODES.booleanNode(switch (text.toLowerCase(Locale.ROOT)) {
                case "yes", "true", "on", "y" -> true;
                default -> false;
            });
        }
        if (Tag.INT.equals(tag)) {
            return integer(text);
        }
        if (Tag.FLOAT.equals(tag)) {
            return floating(text, mark);
        }
        if (Tag.BINARY.equals(tag)) {
            return NODES.stringNode(binary(text, mark));
        }
        return NODES.stringNode(text);
    }

    /**
     * A scalar tagged {@code !!bool}, {@code !!int}, {@code !!float}, {@code !!null} or {@code !!timestamp} in the file
     * (SnakeYAML's composer makes a tag of its own for it, where the resolver hands out the
     * constants), as kubectl reads it: go-yaml v2 resolves the text as if it were plain and refuses
     * a tag that disagrees ("cannot decode !!str `zz` as a !!int"), except that an integer may be
     * tagged {@code !!float}, and go-yaml's timestamps (text, as kubectl's JSON holds them) may be
     * tagged {@code !!timestamp}. So {@code !!int "12"} is 12, {@code !!bool maybe} and
     * {@code !!timestamp x} errors, not false and "x".
     */
    private JsonNode explicit(ScalarNode scalar, Tag tag) {
        String text = scalar.getValue();
        if (Tag.TIMESTAMP.equals(tag) && isGoTimestamp(text)) {
            return NODES.stringNode(text); // kubectl's JSON holds it as written
        }
        Tag plain = RESOLVER.resolve(NodeId.scalar, text, true);
        JsonNode value = scalar(plain, text, scalar.getStartMark());
        String resolved = goTag(plain, text, value);
        String wanted = "!!" + tag.getValue().substring(Tag.PREFIX.length());
        if (!resolved.equals(wanted) && !(wanted.equals("!!float") && resolved.equals("!!int")
                && (value.isInt() || value.isLong()))) {
            throw error(scalar.getStartMark(), "cannot decode " + resolved + " `" + MessageText.oneLine(text, 40)
                    + "` as a " + wanted + " (kubectl refuses an explicit tag that does not fit the value)");
        }
        return value;
    }

    /**
     * Whether go-yaml v2 reads the text as a timestamp where it is tagged {@code !!timestamp}: Go's
     * time.Parse with one of go-yaml's four layouts, which takes 1 or 2 digits for the month, day,
     * hour, minute and second, a fraction of any length after '.' or ',', and checks the ranges
     * (the day against the month and year; a zone offset up to 24:60).
     */
    static boolean isGoTimestamp(String text) {
        var m = TIMESTAMP.matcher(text);
        if (!m.matches()) {
            return false;
        }
        boolean time = m.group(4) != null;
        boolean zone = m.group(8) != null;
        // 'T' and 't' come with a zone, ' ' without
        if (time && zone == m.group(4).equals(" ")) {
            return false;
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        if (month < 1 || month > 12 || day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return false;
        }
        if (time && (Integer.parseInt(m.group(5)) > 23 || Integer.parseInt(m.group(6)) > 59
                || Integer.parseInt(m.group(7)) > 59)) {
            return false;
        }
        return !zone || m.group(9) == null || Integer.parseInt(m.group(9)) <= 24 && Integer.parseInt(m.group(10)) <= 60;
    }

    /** The tag go-yaml gives a plain scalar that the resolver tagged {@code plain} and this class read as {@code value}. */
    private static String goTag(Tag plain, String text, JsonNode value) {
        if (Tag.INT.equals(plain)) {
            if (value.isString()) {
                return "!!str"; // 0x… beyond 64 bits
            }
            BigInteger number = bigInteger(text);
            return value.isIntegralNumber() || isUnsigned64(text.replace("_", ""), number) ? "!!int" : "!!float";
        }
        if (Tag.FLOAT.equals(plain)) {
            return value.isString() ? "!!str" : "!!float"; // 1e400 stays text
        }
        return "!!" + plain.getValue().substring(Tag.PREFIX.length());
    }

    /**
     * A {@code !!binary} scalar as kubectl reads it: go-yaml decodes the base64 (padded, line
     * breaks skipped) into a string of those bytes, which JSON holds as UTF-8, a malformed byte as
     * U+FFFD. So {@code !!binary aGVsbG8=} is "hello", not "aGVsbG8=": {@code fmt} must write what
     * kubectl would send, and a Secret's {@code data} holding it is not base64 to the API server.
     */
    private String binary(String text, Mark mark) {
        String base64 = text.replace("\n", "").replace("\r", "");
        if (base64.length() % 4 == 0) {
            try {
                return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                // refused below, as kubectl refuses it
            }
        }
        throw error(mark, "!!binary value contains invalid base64 data (padded, standard alphabet, no spaces); "
                + "kubectl refuses it");
    }

    /** An integer: sign, underscores, 0b binary, 0x hex, 0o or leading-zero octal. */
    private JsonNode integer(String text) {
        BigInteger number = bigInteger(text);
        if (number == null) {
            return NODES.stringNode(text);
        }
        if (number.compareTo(INT_MIN) >= 0 && number.compareTo(INT_MAX) <= 0) {
            return NODES.numberNode(number.intValue());
        }
        if (number.compareTo(LONG_MIN) >= 0 && number.compareTo(LONG_MAX) <= 0) {
            return NODES.numberNode(number.longValue());
        }
        return beyondLong(text, number);
    }

    /** The integer a scalar the resolver calls one spells, or null when it is none (a range of digits too wide). */
    private static BigInteger bigInteger(String text) {
        String value = text.replace("_", "");
        boolean negative = value.startsWith("-");
        if (value.startsWith("-") || value.startsWith("+")) {
            value = value.substring(1);
        }
        BigInteger number;
        try {
            if (value.equals("0")) {
                number = BigInteger.ZERO;
            } else if (value.startsWith("0b") || value.startsWith("0B")) {
                number = new BigInteger(value.substring(2), 2);
            } else if (value.startsWith("0x") || value.startsWith("0X")) {
                number = new BigInteger(value.substring(2), 16);
            } else if (value.startsWith("0o") || value.startsWith("0O")) {
                number = new BigInteger(value.substring(2), 8);
            } else if (value.startsWith("0")) {
                number = new BigInteger(value.substring(1), 8);
            } else {
                number = new BigInteger(value);
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return negative ? number.negate() : number;
    }

    /**
     * An integer beyond 64 bits, as kubectl ends up with it: go-yaml keeps an unsigned one that
     * fits 64 bits, which kubectl's JSON decoding turns into a double; other digits-only text is
     * read as a decimal float (a double, or the text when even that overflows); {@code 0x…} and
     * the like stay text.
     */
    private static JsonNode beyondLong(String text, BigInteger number) {
        String value = text.replace("_", "");
        if (isUnsigned64(value, number)) {
            return NODES.numberNode(number.doubleValue());
        }
        if (DECIMAL_DIGITS.matcher(value).matches()) {
            double approximate = new BigDecimal(value).doubleValue();
            return Double.isInfinite(approximate) ? NODES.stringNode(text) : NODES.numberNode(approximate);
        }
        return NODES.stringNode(text);
    }

    /** Whether go-yaml keeps an integer beyond a signed 64 bits as an unsigned one ({@code value} without '_'). */
    private static boolean isUnsigned64(String value, BigInteger number) {
        return number.signum() > 0 && Character.isDigit(value.charAt(0)) && number.compareTo(ULONG_MAX) <= 0;
    }

    /**
     * A YAML 1.1 float. Integral values become integers, as they do when kubectl converts YAML to
     * JSON ({@code replicas: 1e1} is 10, {@code 1e-400} is 0); infinity and NaN have no JSON form
     * and are refused; a number too large for a double ({@code 1e400}) stays text, as in kubectl.
     */
    private JsonNode floating(String text, Mark mark) {
        String value = text.replace("_", "");
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".inf") || lower.equals(".nan")) {
            throw error(mark, "\"" + text + "\" is not a number JSON can hold; quote it if it is meant as a string");
        }
        BigDecimal number;
        try {
            number = new BigDecimal(value.endsWith(".") ? value.substring(0, value.length() - 1) : value);
        } catch (NumberFormatException e) {
            return NODES.stringNode(text);
        }
        double approximate = number.doubleValue();
        if (Double.isInfinite(approximate)) {
            // beyond a double: Go's ParseFloat reports a range error, and go-yaml then keeps the text
            return NODES.stringNode(text);
        }
        if (number.signum() == 0 || approximate == 0 || number.stripTrailingZeros().scale() <= 0) {
            try {
                return NODES.numberNode(approximate == 0 ? 0L : number.longValueExact());
            } catch (ArithmeticException e) {
                return NODES.numberNode(approximate);
            }
        }
        return NODES.numberNode(approximate);
    }

    /**
     * Counts characters of keys and scalars; see {@link #characters}. Past the limit, the node is
     * one an alias repeats, and the message points at its anchor.
     */
    private void count(long more, Node node) {
        characters += more;
        if (characters > options.maxDocumentBytes()) {
            String what = node.getAnchor() == null ? "aliases" : "aliases of &" + node.getAnchor();
            throw error(node.getStartMark(), what + " expand the document to more than " + options.maxDocumentBytes()
                    + " characters (an alias bomb?); ReaderOptions.maxDocumentBytes");
        }
    }

    private void record(String pointer, Node node) {
        if (recording) {
            Mark mark = node.getStartMark();
            locations.add(pointer, mark.getLine() + 1, mark.getColumn() + 1);
        }
    }

    private String firstOccurrence(List<NodeTuple> tuples, String key) {
        for (NodeTuple tuple : tuples) {
            Node keyNode = tuple.getKeyNode();
            if (keyNode instanceof ScalarNode scalar && !Tag.MERGE.equals(keyNode.getTag())) {
                JsonNode value = scalar(scalar);
                if (key.equals(value == null ? "null" : value.asString())) {
                    return " (first at " + location(keyNode.getStartMark()) + ")";
                }
            }
        }
        return "";
    }

    private ManifestReadException error(Mark mark, String problem) {
        return new ManifestReadException(origin, location(mark), problem, null);
    }

    static SourceLocation location(Mark mark) {
        return mark == null ? null : new SourceLocation(mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static String describe(Node node) {
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        var scalar = (ScalarNode) node;
        String text = scalar.getValue();
        return "the scalar \"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\"";
    }

    static String escape(String key) {
        if (key.indexOf('~') < 0 && key.indexOf('/') < 0) {
            return key;
        }
        return key.replace("~", "~0").replace("/", "~1");
    }
}
