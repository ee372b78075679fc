package dev.manifestkit.core.yaml;

import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Set;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.core.SourceLocation;
import dev.manifestkit.core.SourceLocations;
import dev.manifestkit.core.tree.Trees;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads input that kubectl reads as JSON: a stream of JSON values, one object per manifest,
 * separated by nothing but whitespace. kubectl decides by the first character that is not space
 * (<code>{</code>), and then parses with a JSON parser, not a YAML one; so does manifestkit, because the
 * two disagree on real files. A YAML reader refuses keys longer than 1024 characters and
 * {@code "\ud83d\ude00"} (a JSON encoder's escaped emoji), and needs {@code ---} between
 * objects; it accepts trailing commas, comments and unquoted keys, which kubectl refuses in a
 * file that starts with <code>{</code>.
 *
 * <p>Values are read as kubectl reads JSON: integers that fit 64 bits stay integers, other numbers
 * are doubles (integral ones become integers, as in YAML input), {@code null} members are absent.
 * The {@link ReaderOptions} limits apply as they do to YAML, and so do the refusals kubectl's
 * server-side field validation makes: a duplicate key is an error.
 */
final class JsonDocuments extends DocumentStream {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Why a file that looks like YAML to its author is read as JSON: said once, in every JSON syntax error. */
    private static final String JSON_SYNTAX = "invalid JSON (input that starts with '{' is read as JSON, as kubectl reads it): ";

    private final JsonParser parser;
    private final String origin;
    private final ReaderOptions options;
    private int emitted;
    private long documentStart;
    private SourceLocation documentLocation;
    /** Keys and values of the current document so far: see {@link ReaderOptions#maxValues}. */
    private int values;
    private SourceLocations.Builder locations;

    JsonDocuments(Reader reader, String origin, ReaderOptions options, boolean closeInput) {
        super(reader, closeInput);
        this.origin = origin;
        this.options = options;
        // Jackson's own limits sit just above ours, so that ours report first, with our wording
        var constraints = StreamReadConstraints.builder()
                .maxStringLength(options.maxDocumentBytes())
                .maxNameLength(options.maxDocumentBytes())
                .maxNestingDepth(options.maxNestingDepth() + 2)
                .build();
        // closing the input is this class's decision, not the parser's: a caller's stream stays open
        var factory = JsonFactory.builder().streamReadConstraints(constraints)
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();
        this.parser = factory.createParser(ObjectReadContext.empty(), reader);
    }

    /**
     * True if kubectl would read input that begins with these characters as JSON: the first one
     * that is not space (Go's {@code unicode.IsSpace}) is <code>{</code>.
     */
    static boolean looksLikeJson(char[] start, int length) {
        for (int i = 0; i < length; i++) {
            char c = start[i];
            if (!isGoSpace(c)) {
                return c == '{';
            }
        }
        return false;
    }

    /** Go's {@code unicode.IsSpace}, which kubectl trims before looking for '{'. */
    static boolean isGoSpace(char c) {
        return switch (c) {
            case '\t', '\n', '\u000B', '\f', '\r', ' ', '\u0085', '\u00A0' -> true;
            default -> c > '\u00FF' && Character.isSpaceChar(c);
        };
    }

    @Override
    void advance() {
        try {
            JsonToken token = parser.nextToken();
            if (token == null) {
                finish();
                return;
            }
            documentStart = parser.currentTokenLocation().getCharOffset();
            SourceLocation start = here();
            documentLocation = start;
            if (token == JsonToken.VALUE_NULL) {
                return; // kubectl skips a null document, as YAML input skips an empty one
            }
            if (token != JsonToken.START_OBJECT) {
                throw new ManifestReadException(origin, start, "document " + (emitted + 1) + " is "
                        + describe(token) + ", not a Kubernetes object (a mapping with apiVersion and kind)", null);
            }
            if (emitted >= options.maxDocuments()) {
                throw new ManifestReadException(origin, start,
                        "more than " + options.maxDocuments() + " documents (ReaderOptions.maxDocuments)", null);
            }
            locations = new SourceLocations.Builder();
            values = 0;
            countValue();
            ObjectNode tree = object("", 0, here());
            found(new ManifestDocument(tree, origin, emitted++, locations.build()));
            locations = null;
        } catch (ManifestReadException e) {
            finish();
            throw e;
        } catch (StreamConstraintsException e) {
            finish();
            String limit = String.valueOf(e.getOriginalMessage());
            if (limit.contains("getMaxStringLength") || limit.contains("getMaxNameLength")) {
                throw new ManifestReadException(origin, documentLocation(), tooLarge(), e);
            }
            throw new ManifestReadException(origin, here(), JSON_SYNTAX + firstLine(limit), e);
        } catch (JacksonIOException e) {
            finish();
            if (e.getCause() instanceof CharacterCodingException) {
                throw new ManifestReadException(origin, here(), LinearStreamReader.NOT_UTF8, e);
            }
            throw new UncheckedIOException(e.getCause());
        } catch (JacksonException e) {
            finish();
            TokenStreamLocation at = e.getLocation();
            SourceLocation where = at == null || at.getLineNr() < 1 ? here() : new SourceLocation(at.getLineNr(), at.getColumnNr());
            throw new ManifestReadException(origin, where, JSON_SYNTAX + firstLine(e.getOriginalMessage()), e);
        }
    }

    /** An object whose START_OBJECT is the current token, located at {@code start}. */
    private ObjectNode object(String pointer, int depth, SourceLocation start) {
        requireDepth(depth);
        var out = new ObjectNode(NODES, new LinkedHashMap<>());
        Set<String> absent = null; // keys given as null: absent from the tree, yet taken
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            countValue();
            String key = NodeConverter.sharedKey(parser.currentName());
            requireCharacters(key);
            SourceLocation keyAt = here();
            parser.nextToken();
            if (out.has(key) || absent != null && absent.contains(key)) {
                SourceLocation first = firstLocation(pointer + "/" + NodeConverter.escape(key));
                throw new ManifestReadException(origin, keyAt, "duplicate key \"" + key + "\""
                        + (first == null ? "" : " (first at " + first + ")"), null);
            }
            JsonNode value = value(pointer + "/" + NodeConverter.escape(key), depth + 1, keyAt);
            if (value != null) {
                out.set(key, value);
            } else {
                absent = absent == null ? new HashSet<>() : absent;
                absent.add(key);
            }
        }
        record(pointer, start);
        return out;
    }

    /**
     * The value of the current token, or null for JSON null, located at {@code at}: a member's key,
     * as the YAML reader locates a mapping's values, or the value itself.
     */
    private JsonNode value(String pointer, int depth, SourceLocation at) {
        requireSize();
        countValue();
        JsonNode value = switch (parser.currentToken()) {
            case START_OBJECT -> object(pointer, depth, at);
            case START_ARRAY -> array(pointer, depth, at);
            case VALUE_STRING -> {
                String text = parser.getString();
                requireCharacters(text);
                yield NODES.stringNode(text);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number(parser.getString());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> null;
            default -> throw new ManifestReadException(origin, here(), JSON_SYNTAX + "unexpected " + parser.currentToken(), null);
        };
        if (value != null && !value.isContainer()) {
            record(pointer, at);
        }
        return value;
    }

    private ArrayNode array(String pointer, int depth, SourceLocation start) {
        requireDepth(depth);
        var out = NODES.arrayNode();
        int index = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            JsonNode value = value(pointer + "/" + index++, depth + 1, here());
            out.add(value == null ? NODES.nullNode() : value);
        }
        record(pointer, start);
        return out;
    }

    /**
     * A JSON number as kubectl's JSON decoding keeps it: an integer when it fits 64 bits or is a
     * whole number a double holds, a double otherwise.
     */
    private JsonNode number(String text) {
        BigDecimal number;
        try {
            number = new BigDecimal(text);
        } catch (NumberFormatException e) {
            // an exponent beyond an int: Go's ParseFloat gives 0 for 1e-9999999999, a range error for 1e9999999999
            if (text.toLowerCase(Locale.ROOT).contains("e-")) {
                return NODES.numberNode(0);
            }
            throw beyondDouble(text);
        }
        double approximate = number.doubleValue();
        if (Double.isInfinite(approximate)) {
            throw beyondDouble(text);
        }
        if (number.signum() == 0 || approximate == 0) {
            return NODES.numberNode(0);
        }
        if (number.stripTrailingZeros().scale() <= 0) {
            try {
                long whole = number.longValueExact();
                return whole == (int) whole ? NODES.numberNode((int) whole) : NODES.numberNode(whole);
            } catch (ArithmeticException e) {
                return NODES.numberNode(approximate);
            }
        }
        return NODES.numberNode(approximate);
    }

    private ManifestReadException beyondDouble(String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return new ManifestReadException(origin, here(), shown + " is beyond the range of a 64-bit float; kubectl cannot read it",
                null);
    }

    private void countValue() {
        if (++values > options.maxValues()) {
            throw new ManifestReadException(origin, here(), "document " + (emitted + 1) + " has more than "
                    + options.maxValues() + " values (ReaderOptions.maxValues)", null);
        }
    }

    private void requireDepth(int depth) {
        if (depth > options.maxNestingDepth()) {
            throw new ManifestReadException(origin, here(), "nesting deeper than " + options.maxNestingDepth()
                    + " levels (ReaderOptions.maxNestingDepth)", null);
        }
    }

    private void requireSize() {
        if (parser.currentTokenLocation().getCharOffset() - documentStart > options.maxDocumentBytes()) {
            throw new ManifestReadException(origin, documentLocation(), tooLarge(), null);
        }
    }

    /** A JSON escape can spell half a surrogate pair; kubectl reads it as U+FFFD, losing the text. */
    private void requireCharacters(String text) {
        int at = Trees.loneSurrogateIndex(text);
        if (at >= 0) {
            throw new ManifestReadException(origin, here(), String.format(
                    "\\u%04x is half of a UTF-16 surrogate pair, not a character; kubectl would read it as U+FFFD",
                    (int) text.charAt(at)), null);
        }
    }

    private String tooLarge() {
        return "document " + (emitted + 1) + " is larger than " + options.maxDocumentBytes()
                + " characters (ReaderOptions.maxDocumentBytes)";
    }

    private void record(String pointer, SourceLocation at) {
        if (options.recordLocations()) {
            locations.add(pointer, at.line(), at.column());
        }
    }

    /** Where the value at a pointer was read first, or null; for a duplicate key's message only, so it may be slow. */
    private SourceLocation firstLocation(String pointer) {
        return locations.build().get(pointer);
    }

    private SourceLocation here() {
        TokenStreamLocation at = parser.currentTokenLocation();
        return new SourceLocation(Math.max(at.getLineNr(), 1), Math.max(at.getColumnNr(), 1));
    }

    private SourceLocation documentLocation() {
        return documentLocation == null ? here() : documentLocation;
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            default -> String.valueOf(token);
        };
    }

    /** Jackson's message, without the source description it adds where a location is unknown. */
    private static String firstLine(String message) {
        String text = message == null ? "malformed JSON"
                : message.replaceAll("\\s*\\(start marker at \\[Source: [^\\]]*\\]\\)", "").strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).strip();
    }

    @Override
    void release() {
        parser.close();
    }
}
