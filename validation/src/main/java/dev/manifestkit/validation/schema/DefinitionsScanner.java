package dev.manifestkit.validation.schema;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds where each definition of a definitions document starts and ends, and the byte range of
 * its {@code x-kubernetes-group-version-kind}, with a plain loop over the bytes.
 *
 * <p>This is the cold-start path: in a fresh JVM a general JSON parser runs interpreted over the
 * whole 1.4 MB document (a few hundred milliseconds), where this loop is compiled almost at once
 * and takes a few. It trusts its input to be well-formed JSON (the bundled definitions are);
 * on anything it cannot follow it gives up and the caller falls back to the JSON parser.
 */
final class DefinitionsScanner {

    /** A definition's byte range, and the range of its group-version-kind value (or -1). */
    record Entry(int start, int end, int gvkStart, int gvkEnd) {
    }

    /** Thrown when the input is not the shape this scanner follows. */
    static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported(String message) {
            super(message, null, false, false);
        }
    }

    private static final byte[] GVK = "x-kubernetes-group-version-kind".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DEFINITIONS = "definitions".getBytes(StandardCharsets.US_ASCII);

    private final byte[] json;
    private int at;

    private DefinitionsScanner(byte[] json) {
        this.json = json;
    }

    /**
     * The definitions of the document by name, or null if it has no {@code definitions} object.
     *
     * @throws Unsupported if the bytes are not well-formed JSON of the expected shape
     */
    static Map<String, Entry> scan(byte[] json) {
        return new DefinitionsScanner(json).document();
    }

    /**
     * Reads {@code [{"group": "apps", "kind": "Deployment", "version": "v1"}, …]} (or one such
     * object) between two offsets as {@code {group, version, kind}} triples, or returns null if
     * the value is anything less plain (escapes, other members), for the JSON parser to handle.
     */
    static java.util.List<String[]> groupVersionKinds(byte[] json, int start, int end) {
        var scanner = new DefinitionsScanner(json);
        scanner.at = start;
        var result = new java.util.ArrayList<String[]>();
        try {
            boolean list = scanner.peek() == '[';
            if (list) {
                scanner.at++;
            }
            do {
                var gvk = new String[3];
                scanner.expect('{');
                do {
                    var name = scanner.string();
                    scanner.expect(':');
                    int slot = switch (name) {
                        case "group" -> 0;
                        case "version" -> 1;
                        case "kind" -> 2;
                        default -> -1;
                    };
                    if (slot < 0 || scanner.peek() != '"') {
                        return null;
                    }
                    gvk[slot] = scanner.string();
                } while (scanner.nextMember());
                if (gvk[0] == null || gvk[1] == null || gvk[2] == null) {
                    return null;
                }
                result.add(gvk);
                if (!list) {
                    break;
                }
                byte next = scanner.peek();
                scanner.at++;
                if (next == ']') {
                    break;
                }
                if (next != ',') {
                    return null;
                }
            } while (true);
        } catch (Unsupported e) {
            return null;
        }
        return scanner.at <= end ? result : null;
    }

    private Map<String, Entry> document() {
        Map<String, Entry> found = null;
        expect('{');
        if (peek() == '}') {
            return null;
        }
        while (true) {
            skipWhitespace();
            int keyStart = at + 1;
            skipString();
            boolean isDefinitions = equalsAt(keyStart, at - 1, DEFINITIONS);
            expect(':');
            if (isDefinitions && peek() == '{') {
                found = definitions();
            } else {
                skipValue();
            }
            if (!nextMember()) {
                return found;
            }
        }
    }

    private Map<String, Entry> definitions() {
        var entries = new HashMap<String, Entry>();
        expect('{');
        if (peek() == '}') {
            at++;
            return entries;
        }
        while (true) {
            var name = string();
            expect(':');
            if (peek() != '{') {
                skipValue();
            } else {
                int start = at;
                int gvkStart = -1;
                int gvkEnd = -1;
                at++;
                if (peek() != '}') {
                    while (true) {
                        skipWhitespace();
                        int keyStart = at + 1;
                        skipString();
                        boolean isGvk = equalsAt(keyStart, at - 1, GVK);
                        expect(':');
                        skipWhitespace();
                        int valueStart = at;
                        skipValue();
                        if (isGvk) {
                            gvkStart = valueStart;
                            gvkEnd = at;
                        }
                        if (!nextMember()) {
                            break;
                        }
                    }
                } else {
                    at++;
                }
                entries.put(name, new Entry(start, at, gvkStart, gvkEnd));
            }
            if (!nextMember()) {
                return entries;
            }
        }
    }

    /** After a member: true if a comma follows (and skips it), false at the closing brace (skipped). */
    private boolean nextMember() {
        skipWhitespace();
        if (at >= json.length) {
            throw new Unsupported("unexpected end of document");
        }
        byte b = json[at++];
        if (b == ',') {
            return true;
        }
        if (b == '}') {
            return false;
        }
        throw new Unsupported("expected ',' or '}' at byte " + (at - 1));
    }

    private void skipValue() {
        skipWhitespace();
        if (at >= json.length) {
            throw new Unsupported("unexpected end of document");
        }
        byte b = json[at];
        if (b == '"') {
            skipString();
        } else if (b == '{' || b == '[') {
            int depth = 0;
            while (at < json.length) {
                byte c = json[at];
                if (c == '"') {
                    skipString();
                    continue;
                }
                at++;
                if (c == '{' || c == '[') {
                    depth++;
                } else if (c == '}' || c == ']') {
                    if (--depth == 0) {
                        return;
                    }
                }
            }
            throw new Unsupported("unbalanced brackets");
        } else {
            while (at < json.length) {
                byte c = json[at];
                if (c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                    return;
                }
                at++;
            }
        }
    }

    private void skipString() {
        skipWhitespace();
        if (at >= json.length || json[at] != '"') {
            throw new Unsupported("expected a string at byte " + at);
        }
        at++;
        while (at < json.length) {
            byte c = json[at++];
            if (c == '\\') {
                at++;
            } else if (c == '"') {
                return;
            }
        }
        throw new Unsupported("unterminated string");
    }

    private String string() {
        skipWhitespace();
        int start = at + 1;
        skipString();
        for (int i = start; i < at - 1; i++) {
            if (json[i] == '\\') {
                throw new Unsupported("escaped definition name");
            }
        }
        return new String(json, start, at - 1 - start, StandardCharsets.UTF_8);
    }

    private boolean equalsAt(int start, int end, byte[] word) {
        if (end - start != word.length) {
            return false;
        }
        for (int i = 0; i < word.length; i++) {
            if (json[start + i] != word[i]) {
                return false;
            }
        }
        return true;
    }

    private void expect(char c) {
        skipWhitespace();
        if (at >= json.length || json[at] != c) {
            throw new Unsupported("expected '" + c + "' at byte " + at);
        }
        at++;
    }

    private byte peek() {
        skipWhitespace();
        if (at >= json.length) {
            throw new Unsupported("unexpected end of document");
        }
        return json[at];
    }

    private void skipWhitespace() {
        while (at < json.length) {
            byte c = json[at];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            at++;
        }
    }
}
