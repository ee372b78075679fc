package dev.manifestkit.core.tree;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.manifestkit.core.KindInfo;
import dev.manifestkit.core.Kinds;
import dev.manifestkit.core.MessageText;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Conversions between fabric8 objects and the plain JSON trees manifestkit validates and writes.
 *
 * <p>A tree made here is <em>canonical</em>: nulls are gone, keys are in a fixed order
 * ({@code apiVersion}, {@code kind}, {@code metadata}, {@code spec}, {@code data},
 * {@code stringData}, {@code binaryData}, then the rest sorted at the top; sorted everywhere
 * below), so equal objects give equal bytes whatever the insertion order of their maps.
 *
 * <p>For the kinds manifestkit models, empty objects and lists are dropped as well (no
 * {@code resources: {}}, {@code status: {}}), except where Kubernetes gives emptiness a meaning:
 * {@code emptyDir: {}} (declares the volume type) and label selectors ({@code podSelector},
 * {@code namespaceSelector}, {@code selector}, {@code labelSelector}: empty selects everything),
 * and list items, which are never dropped (that would shift indices and change meaning, such as a
 * NetworkPolicy's {@code ingress: [{}]}). For other kinds only {@code status: {}} and empty
 * metadata fields are dropped: an empty object in a custom resource ({@code selfSigned: {}}) may
 * well mean something.
 *
 * <p>Canonical trees made here are also <em>frozen</em>: their object and array nodes are compact
 * and immutable (a change throws {@link UnsupportedOperationException}), so sets can share them
 * safely and thousands of them stay small enough for the CPU caches. Trees from {@link #toTree}
 * go further: equal short values and equal small subtrees are one node, within a tree and across
 * trees (a Deployment's labels and its selector, the same application in many namespaces), so a
 * large set keeps each distinct part once. Nothing may rely on nodes being distinct objects.
 * {@link JsonNode#deepCopy()} gives an ordinary, mutable copy.
 *
 * <p>All methods are thread-safe; the shared mapper is configured once.
 */
public final class Trees {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = MAPPER.getNodeFactory();
    /** Makes the short-lived trees {@link #toTree} copies from; see {@link ScratchNodes}. */
    private static final JsonMapper SCRATCH_MAPPER = JsonMapper.builder().nodeFactory(new ScratchNodes()).build();

    private static final List<String> ROOT_HEAD =
            List.of("apiVersion", "kind", "metadata", "spec", "data", "stringData", "binaryData");
    private static final Set<String> MEANINGFUL_EMPTY =
            Set.of("emptyDir", "podSelector", "namespaceSelector", "selector", "labelSelector");

    /**
     * The deepest nesting of objects and lists a tree may have, the root object being level 1:
     * what Jackson writes ({@code StreamWriteConstraints}), and far beyond any Kubernetes object.
     * Deeper trees are refused with a message rather than overflowing the stack on the way.
     */
    public static final int MAX_DEPTH = 500;

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Trees() {
    }

    /** The one shared JSON mapper (thread-safe); use it rather than creating mappers per call. */
    public static JsonMapper jsonMapper() {
        return MAPPER;
    }

    /** The object as a canonical tree; the object itself is not changed, nor referenced afterwards. */
    public static ObjectNode toTree(HasMetadata object) {
        Objects.requireNonNull(object, "object");
        JsonNode raw;
        try {
            raw = SCRATCH_MAPPER.valueToTree(object);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("cannot convert " + describe(object) + " to a tree: "
                    + e.getOriginalMessage(), e);
        }
        if (!(raw instanceof ObjectNode objectNode)) {
            throw new IllegalArgumentException(describe(object) + " did not convert to a JSON object");
        }
        // a Secret's values must not outlive it in the shared cache; nor may those of a List's Secret items
        boolean share = !"Secret".equals(text(objectNode, "kind")) && !objectNode.has("items");
        return canonicalRoot(objectNode, knownKind(objectNode) != null, share);
    }

    /**
     * A canonical copy of a tree that came from elsewhere (a file, another tool): nulls dropped and
     * keys ordered, but empty objects and lists kept as written. Returns the tree itself when it is
     * canonical already (the common case for trees made by {@link #toTree}).
     */
    public static ObjectNode canonicalize(ObjectNode tree) {
        try {
            return isCanonical(tree, true, 1) ? tree : (ObjectNode) copy(tree, Mode.KEEP_EMPTY, true, null, null, 1);
        } catch (Unwritable e) {
            throw e.of(tree);
        }
    }

    /**
     * The tree as a fabric8 object: the kind's own class when manifestkit models that kind and
     * apiVersion ({@link Kinds}), {@link GenericKubernetesResource} otherwise. Fields fabric8 does
     * not model are kept in its {@code additionalProperties}, so nothing is lost.
     *
     * @throws IllegalArgumentException when a field does not fit its fabric8 type (a string where
     *                                  a number belongs), naming the object and the field
     */
    public static HasMetadata toObject(ObjectNode tree) {
        KindInfo info = knownKind(tree);
        Class<? extends HasMetadata> type = info != null && info.apiVersion().equals(text(tree, "apiVersion"))
                ? info.type()
                : GenericKubernetesResource.class;
        return toObject(tree, type);
    }

    /** The tree bound to a given fabric8 class; see {@link #toObject(ObjectNode)}. */
    public static <T extends HasMetadata> T toObject(ObjectNode tree, Class<T> type) {
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JacksonException e) {
            if ("Secret".equals(text(tree, "kind"))) {
                // Jackson's messages quote the offending value, and in a Secret that may be the secret
                // itself: say where, not what, and keep Jackson's exception (its message) out of the chain
                throw new IllegalArgumentException(describe(tree) + ": " + fieldPath(e)
                        + ": value does not fit the field's type (values of a Secret are not shown)");
            }
            throw new IllegalArgumentException(describe(tree) + ": " + e.getOriginalMessage()
                    + " at " + e.getPathReference(), e);
        }
    }

    /** {@code spec.containers[0].name}: where in the object a binding failed. */
    private static String fieldPath(JacksonException e) {
        var path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "<root>" : path.toString();
    }

    /** {@code Kind/namespace/name} (or {@code Kind/name}) of a tree, for messages. */
    public static String describe(ObjectNode tree) {
        String kind = text(tree, "kind");
        JsonNode metadata = tree.get("metadata");
        String name = metadata == null ? null : text(metadata, "name");
        String namespace = metadata == null ? null : text(metadata, "namespace");
        return describe(kind, namespace, name);
    }

    /**
     * Where {@code tree} nests deeper than {@link #MAX_DEPTH} levels: the path to the first object
     * or list beyond it (its first few fields, then {@code …}), or empty. Walks no deeper than
     * that, so any tree is safe to ask; trees made here ({@link #toTree}, {@link #canonicalize})
     * never are.
     */
    public static Optional<String> pathBeyondMaxDepth(JsonNode tree) {
        if (!tree.isContainer()) {
            return Optional.empty();
        }
        try {
            requireDepth(tree, 1);
            return Optional.empty();
        } catch (Unwritable e) {
            return Optional.of(e.shownPath());
        }
    }

    /**
     * Walks by value, not by name: it runs on every document a validator is given that it did not
     * build. Names are looked up only for the path, on the way out of a tree that is too deep.
     */
    private static void requireDepth(JsonNode container, int depth) {
        if (depth > MAX_DEPTH) {
            throw new Unwritable();
        }
        if (container.isObject()) {
            for (JsonNode child : container.values()) {
                try {
                    if (child.isContainer()) {
                        requireDepth(child, depth + 1);
                    }
                } catch (Unwritable e) {
                    throw e.under(nameOf(container, child));
                }
            }
        } else {
            for (int i = 0, size = container.size(); i < size; i++) {
                JsonNode child = container.get(i);
                try {
                    if (child.isContainer()) {
                        requireDepth(child, depth + 1);
                    }
                } catch (Unwritable e) {
                    throw e.under(i);
                }
            }
        }
    }

    private static String nameOf(JsonNode object, JsonNode child) {
        for (String name : object.propertyNames()) {
            if (object.get(name) == child) {
                return name;
            }
        }
        throw new IllegalStateException("a child that is not in its object");
    }

    /**
     * The compact JSON text of {@code value}, at most {@code maxChars} characters: a longer text is
     * cut and ends in {@code …}. For messages that quote a value: it writes no more than it returns,
     * so a value of any size or depth costs a bounded amount of time and stack, where
     * {@code toString()} writes everything and refuses nesting deeper than Jackson's limit (500).
     *
     * @param maxChars at least 2
     */
    public static String shortJson(JsonNode value, int maxChars) {
        if (maxChars < 2) {
            throw new IllegalArgumentException("maxChars must be at least 2, got " + maxChars);
        }
        var out = new StringBuilder(Math.min(maxChars + 16, 128));
        if (appendJson(value, out, maxChars)) {
            return out.toString();
        }
        int cut = maxChars - 1;
        if (Character.isHighSurrogate(out.charAt(cut - 1))) {
            cut--;
        }
        out.setLength(cut);
        return out.append('…').toString();
    }

    /** Appends JSON text; false, with more than {@code limit} characters written, once the text outgrows it. */
    private static boolean appendJson(JsonNode value, StringBuilder out, int limit) {
        if (out.length() > limit) {
            return false; // every level writes a character first, so this also bounds the recursion
        }
        if (value == null || value.isMissingNode() || value.isNull()) {
            out.append("null");
        } else if (value.isObject()) {
            out.append('{');
            boolean first = true;
            for (String name : value.propertyNames()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                if (!appendString(name, out, limit) || !appendJson(value.get(name), out.append(':'), limit)) {
                    return false;
                }
            }
            out.append('}');
        } else if (value.isArray()) {
            out.append('[');
            for (int i = 0; i < value.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                if (!appendJson(value.get(i), out, limit)) {
                    return false;
                }
            }
            out.append(']');
        } else if (value.isString() || value.isBinary()) {
            return appendString(value.asString(), out, limit);
        } else if (value.isNumber()) {
            out.append(goNumber(value));
        } else {
            out.append(value.toString());
        }
        return out.length() <= limit;
    }

    private static final BigDecimal JSON_EXPONENT_FROM = new BigDecimal("1e21");

    /**
     * A number as the API server prints it in a message, not as Java does ({@code 2.0},
     * {@code 1.0E9}, {@code 1.5E-4}): kubectl sends a whole number as an integer, which Go prints
     * in plain digits ({@code 2}, {@code 1000000000}); any other number arrives as a float64,
     * which Go's {@code %v} prints in the shortest form that reads back, with an exponent below
     * 1e-4 or from 1e6 ({@code 0.00015}, {@code 1.5e-05}, {@code 1.2345675e+06}).
     *
     * @param number a numeric node
     */
    public static String goNumber(JsonNode number) {
        if (number.isIntegralNumber()) {
            return number.bigIntegerValue().toString();
        }
        if (number.isDouble() || number.isFloat()) {
            double d = number.doubleValue();
            if (Double.isNaN(d)) {
                return "NaN";
            }
            if (Double.isInfinite(d)) {
                return d > 0 ? "+Inf" : "-Inf";
            }
        }
        var decimal = number.decimalValue();
        if (decimal.signum() == 0) {
            return "0";
        }
        if (decimal.stripTrailingZeros().scale() <= 0 && decimal.abs().compareTo(JSON_EXPONENT_FROM) < 0) {
            return decimal.toBigInteger().toString();
        }
        return goFloat(number.isBigDecimal() ? new BigDecimal(Double.toString(decimal.doubleValue()))
                : new BigDecimal(Double.toString(number.doubleValue())));
    }

    /** Go's {@code %v} of a float64, given the shortest decimal that reads back as it. */
    private static String goFloat(BigDecimal shortest) {
        var stripped = shortest.stripTrailingZeros();
        String digits = stripped.unscaledValue().abs().toString();
        int count = digits.length();
        int point = count - stripped.scale(); // digits before the decimal point
        int exponent = point - 1;
        var out = new StringBuilder(stripped.signum() < 0 ? "-" : "");
        if (exponent < -4 || exponent >= 6) {
            out.append(digits.charAt(0));
            if (count > 1) {
                out.append('.').append(digits, 1, count);
            }
            out.append('e').append(exponent < 0 ? '-' : '+');
            int magnitude = Math.abs(exponent);
            return out.append(magnitude < 10 ? "0" : "").append(magnitude).toString();
        }
        if (point <= 0) {
            return out.append("0.").append("0".repeat(-point)).append(digits).toString();
        }
        if (point >= count) {
            return out.append(digits).append("0".repeat(point - count)).toString();
        }
        return out.append(digits, 0, point).append('.').append(digits, point, count).toString();
    }

    /** Appends a JSON string literal, escaped as Jackson escapes it, stopping once past {@code limit}. */
    private static boolean appendString(String text, StringBuilder out, int limit) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            if (out.length() > limit) {
                return false;
            }
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
        return out.length() <= limit;
    }

    private static String describe(HasMetadata object) {
        var metadata = object.getMetadata();
        return describe(object.getKind(), metadata == null ? null : metadata.getNamespace(),
                metadata == null ? null : metadata.getName());
    }

    private static String describe(String kind, String namespace, String name) {
        var out = new StringBuilder(kind == null ? "<no kind>" : kind);
        if (namespace != null) {
            out.append('/').append(namespace);
        }
        return out.append('/').append(name == null ? "<no name>" : name).toString();
    }

    private static KindInfo knownKind(JsonNode tree) {
        return Kinds.lookup(text(tree, "apiVersion"), text(tree, "kind")).orElse(null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }

    // --- canonical form -------------------------------------------------------------------------

    private enum Mode {
        /** Known kinds: drop empty objects and lists, except the meaningful ones. */
        DROP_EMPTY,
        /** Unknown kinds and trees from files: keep empties. */
        KEEP_EMPTY
    }

    /**
     * The canonical, frozen copy of a tree fresh from {@code valueToTree}. Like {@link #copy}, and
     * besides drops an empty {@code status} for every kind.
     *
     * @param share whether its short strings and ints and its small subtrees may be shared with
     *              other trees ({@link SharedScalars}, {@link SharedSubtrees}); never for a Secret
     *              or a list that may hold one, whose values must not outlive it
     */
    private static ObjectNode canonicalRoot(ObjectNode tree, boolean known, boolean share) {
        ObjectNode root;
        try {
            root = (ObjectNode) copy(tree, known ? Mode.DROP_EMPTY : Mode.KEEP_EMPTY, true, null,
                    share ? new SharedSubtrees.Tracker() : null, 1);
        } catch (Unwritable e) {
            throw e.of(tree);
        }
        JsonNode status = root.get("status");
        if (status != null && status.isObject() && status.isEmpty()) {
            return withoutProperty(root, "status");
        }
        return root;
    }

    /**
     * A canonical copy, or {@code null} when the node is to be dropped. The copy is frozen: its
     * object and array nodes are compact and immutable ({@link FrozenMap}); scalar nodes are
     * immutable already: they are kept as they are. With {@code sharing} (null for none), equal
     * short scalars and small subtrees are replaced by shared ones, and the tracker tells the
     * caller about the node returned.
     */
    private static JsonNode copy(JsonNode node, Mode mode, boolean root, String key,
                                 SharedSubtrees.Tracker sharing, int depth) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (depth > MAX_DEPTH && node.isContainer()) {
            throw new Unwritable();
        }
        if (node instanceof ObjectNode object) {
            var slots = new Object[object.size() * 2];
            int used = 0;
            boolean sorted = true;
            boolean shareable = sharing != null && !root;
            int weight = 0;
            int hash = 0;
            for (Map.Entry<String, JsonNode> entry : object.properties()) {
                String name = entry.getKey();
                boolean metadata = root && name.equals("metadata");
                requireCharacters(name); // its path is the object's: the key cannot be printed
                JsonNode child;
                try {
                    child = copy(entry.getValue(), metadata ? Mode.DROP_EMPTY : mode, false, name, sharing, depth + 1);
                } catch (Unwritable e) {
                    throw e.under(name);
                }
                if (child == null) {
                    continue;
                }
                if (sharing != null) {
                    shareable &= sharing.shareable;
                    weight += sharing.weight;
                    hash += SharedSubtrees.entryHash(name, sharing.hash);
                }
                if (used > 0 && ((String) slots[used - 2]).compareTo(name) > 0) {
                    sorted = false;
                }
                slots[used++] = name;
                slots[used++] = child;
            }
            if (used == 0) {
                boolean drop = mode == Mode.DROP_EMPTY && key != null && !MEANINGFUL_EMPTY.contains(key);
                if (drop) {
                    return null;
                }
            } else if (root || !sorted) {
                sortPairs(slots, used, root ? ROOT_ORDER : Comparator.naturalOrder());
            }
            return sharing == null ? frozenObject(slots, used)
                    : SharedSubtrees.object(NODES, slots, used, shareable, weight, hash, sharing);
        }
        if (node instanceof ArrayNode array) {
            var elements = new JsonNode[array.size()];
            int used = 0;
            boolean shareable = sharing != null;
            int weight = 0;
            int hash = 7;
            for (int i = 0; i < elements.length; i++) {
                JsonNode child;
                try {
                    child = copy(array.get(i), mode, false, null, sharing, depth + 1);
                } catch (Unwritable e) {
                    throw e.under(i);
                }
                if (child != null) {
                    elements[used++] = child;
                    if (sharing != null) {
                        shareable &= sharing.shareable;
                        weight += sharing.weight;
                        hash = SharedSubtrees.elementHash(hash, sharing.hash);
                    }
                }
            }
            if (used == 0 && mode == Mode.DROP_EMPTY && key != null) {
                return null;
            }
            JsonNode[] kept = used == elements.length ? elements : Arrays.copyOf(elements, used);
            return sharing == null ? frozenArray(kept) : SharedSubtrees.array(NODES, kept, shareable, weight, hash, sharing);
        }
        requireFinite(node);
        var whole = wholeNumber(node);
        JsonNode scalar = whole != null ? whole : sharing != null ? SharedScalars.share(node) : node;
        if (sharing != null) {
            sharing.scalar(scalar);
        }
        return scalar;
    }

    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    /**
     * The integer a whole float stands for ({@code 80.0}, {@code -1.0}), as kubectl sends it: it
     * decodes a manifest into float64s and encodes a whole one without a fraction, so the API
     * server's integer fields take it. Null for anything else: not a float, a fraction, or beyond
     * 64 bits (which stays a float, as in kubectl). The readers make such numbers integers as they
     * read; this is for trees made in memory.
     */
    public static JsonNode wholeNumber(JsonNode node) {
        if (!node.isFloatingPointNumber() || !Double.isFinite(node.doubleValue())) {
            return null;
        }
        var value = node.decimalValue();
        if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0
                || value.compareTo(LONG_MIN) < 0 || value.compareTo(LONG_MAX) > 0) {
            return null;
        }
        long integer = value.longValue();
        return integer == (int) integer ? NODES.numberNode((int) integer) : NODES.numberNode(integer);
    }

    /**
     * JSON, and so kubectl and the API server, has no infinity or NaN; YAML has no form kubectl
     * reads for half a surrogate pair. A number too large for a 64-bit float ({@code 1E+400}, an
     * integer of 309 digits) is refused too: kubectl's YAML reader keeps it as text (Go's
     * ParseFloat fails, so go-yaml leaves a string), its JSON reader fails on it, and PyYAML and
     * SnakeYAML read infinity. (Its {@code doubleValue()} would throw for a big decimal.)
     */
    private static void requireFinite(JsonNode scalar) {
        if (scalar.isBigDecimal() || scalar.isBigInteger()) {
            double approximate = scalar.isBigDecimal() ? scalar.decimalValue().doubleValue()
                    : scalar.bigIntegerValue().doubleValue();
            if (Double.isInfinite(approximate)) {
                throw new Unwritable(MessageText.cut(scalar.isBigDecimal()
                        ? scalar.decimalValue().toString() : scalar.bigIntegerValue().toString(), 40)
                        + " is too large for a 64-bit float: kubectl would read it as text, not a number");
            }
        } else if (scalar.isFloatingPointNumber() && !Double.isFinite(scalar.doubleValue())) {
            throw new Unwritable(scalar.doubleValue() + " is not a number JSON can hold");
        }
        if (scalar.isString()) {
            requireCharacters(scalar.asString());
        }
    }

    private static void requireCharacters(String text) {
        int at = loneSurrogateIndex(text);
        if (at >= 0) {
            throw new Unwritable(loneSurrogateMessage(text.charAt(at)));
        }
    }

    /**
     * Where the text holds half a UTF-16 surrogate pair with no other half, or -1. Such text is
     * not Unicode: it has no UTF-8 form, and kubectl refuses the YAML escape that spells it.
     */
    public static int loneSurrogateIndex(String text) {
        for (int i = 0, length = text.length(); i < length; i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The one wording for a lone surrogate, for the reader and the writer. */
    public static String loneSurrogateMessage(char surrogate) {
        return String.format("\\u%04x is half of a UTF-16 surrogate pair, not a character; kubectl refuses it",
                (int) surrogate);
    }

    /** Root keys: {@link #ROOT_HEAD} first, in that order, then the rest sorted. */
    private static final Comparator<String> ROOT_ORDER = (a, b) -> {
        int ia = ROOT_HEAD.indexOf(a);
        int ib = ROOT_HEAD.indexOf(b);
        if (ia >= 0 || ib >= 0) {
            return ia < 0 ? 1 : ib < 0 ? -1 : Integer.compare(ia, ib);
        }
        return a.compareTo(b);
    };

    /** Sorts alternating key/value slots by key. */
    private static void sortPairs(Object[] slots, int used, Comparator<String> order) {
        int pairs = used / 2;
        if (pairs < 2) {
            return;
        }
        var entries = new ArrayList<Map.Entry<String, JsonNode>>(pairs);
        for (int i = 0; i < used; i += 2) {
            entries.add(Map.entry((String) slots[i], (JsonNode) slots[i + 1]));
        }
        entries.sort(Map.Entry.comparingByKey(order));
        for (int i = 0; i < pairs; i++) {
            slots[2 * i] = entries.get(i).getKey();
            slots[2 * i + 1] = entries.get(i).getValue();
        }
    }

    private static ObjectNode frozenObject(Object[] slots, int used) {
        return new ObjectNode(NODES, new FrozenMap(slots, used));
    }

    private static ArrayNode frozenArray(JsonNode[] elements) {
        return new ArrayNode(NODES, List.of(elements));
    }

    /**
     * A frozen shallow copy of a canonical object with {@code key} set to {@code value}: an
     * existing key keeps its position; a new one goes in sorted position, which is canonical below
     * the root (at the root, pass the result through {@link #canonicalize}). Values are shared.
     */
    public static ObjectNode withProperty(ObjectNode canonical, String key, JsonNode value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        boolean replace = canonical.has(key);
        var slots = new Object[(canonical.size() + (replace ? 0 : 1)) * 2];
        int used = 0;
        boolean placed = false;
        for (Map.Entry<String, JsonNode> entry : canonical.properties()) {
            if (replace && entry.getKey().equals(key)) {
                slots[used++] = key;
                slots[used++] = value;
                placed = true;
                continue;
            }
            if (!replace && !placed && entry.getKey().compareTo(key) > 0) {
                slots[used++] = key;
                slots[used++] = value;
                placed = true;
            }
            slots[used++] = entry.getKey();
            slots[used++] = entry.getValue();
        }
        if (!placed) {
            slots[used++] = key;
            slots[used++] = value;
        }
        return frozenObject(slots, used);
    }

    private static ObjectNode withoutProperty(ObjectNode canonical, String key) {
        var slots = new Object[canonical.size() * 2];
        int used = 0;
        for (Map.Entry<String, JsonNode> entry : canonical.properties()) {
            if (!entry.getKey().equals(key)) {
                slots[used++] = entry.getKey();
                slots[used++] = entry.getValue();
            }
        }
        return frozenObject(slots, used);
    }

    private static boolean isCanonical(JsonNode node, boolean root, int depth) {
        if (depth > MAX_DEPTH && node.isContainer()) {
            throw new Unwritable();
        }
        if (node.isObject()) {
            String previous = null;
            int previousHead = -1;
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                String name = entry.getKey();
                JsonNode value = entry.getValue();
                if (value.isNull()) {
                    return false;
                }
                if (root) {
                    int head = ROOT_HEAD.indexOf(name);
                    if (head >= 0) {
                        if (previous != null || head < previousHead) {
                            return false;
                        }
                        previousHead = head;
                        continue;
                    }
                }
                if (previous != null && previous.compareTo(name) > 0) {
                    return false;
                }
                previous = name;
                try {
                    if (!isCanonical(value, false, depth + 1)) {
                        return false;
                    }
                } catch (Unwritable e) {
                    throw e.under(name);
                }
            }
            return root ? isCanonicalHeads(node) : true;
        }
        if (!node.isContainer()) {
            requireFinite(node);
            return wholeNumber(node) == null;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode element = node.get(i);
                try {
                    if (element.isNull() || !isCanonical(element, false, depth + 1)) {
                        return false;
                    }
                } catch (Unwritable e) {
                    throw e.under(i);
                }
            }
        }
        return true;
    }

    private static boolean isCanonicalHeads(JsonNode root) {
        for (String head : ROOT_HEAD) {
            JsonNode value = root.get(head);
            try {
                if (value != null && !isCanonical(value, false, 2)) {
                    return false;
                }
            } catch (Unwritable e) {
                throw e.under(head);
            }
        }
        return true;
    }

    /**
     * A value no manifest can hold: nesting deeper than {@link #MAX_DEPTH}, or a number JSON has no
     * form for. Collects its path on the way up, then becomes a message.
     */
    private static final class Unwritable extends RuntimeException {

        private final String reason;
        private final ArrayDeque<String> path = new ArrayDeque<>();

        Unwritable() {
            this("nested deeper than " + MAX_DEPTH + " levels of objects and lists");
        }

        Unwritable(String reason) {
            super(null, null, false, false);
            this.reason = reason;
        }

        Unwritable under(String field) {
            path.addFirst(field);
            return this;
        }

        Unwritable under(int index) {
            path.addFirst("[" + index + "]");
            return this;
        }

        /** The first few fields of the path, then {@code …}: the whole path is hundreds long. */
        String shownPath() {
            var shown = new StringBuilder();
            int segments = 0;
            for (var segment : path) {
                if (segments++ == 6) {
                    shown.append("…");
                    break;
                }
                shown.append(shown.isEmpty() || segment.startsWith("[") ? "" : ".").append(segment);
            }
            return shown.toString();
        }

        IllegalArgumentException of(ObjectNode tree) {
            return new IllegalArgumentException(describe(tree) + ": " + shownPath() + ": " + reason);
        }
    }
}
