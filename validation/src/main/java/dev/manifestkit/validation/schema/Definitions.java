package dev.manifestkit.validation.schema;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code definitions} of one OpenAPI v2 document (a cluster's {@code /openapi/v2} or a
 * {@code _definitions.json}), indexed without building a tree of the whole document.
 *
 * <p>Reading a 1.4 MB definitions file into a tree costs far more than the few definitions a
 * run needs, so {@link #read} only scans the document once with a streaming parser: it records
 * where each definition's JSON starts and ends, and which apiVersion and kind it declares through
 * {@code x-kubernetes-group-version-kind}. {@link #definition(String)} parses one definition when
 * first asked for and keeps it. Instances are immutable from the outside and thread-safe.
 */
public final class Definitions {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String GVK = "x-kubernetes-group-version-kind";

    private final String source;
    private final byte[] json;
    private final Map<String, int[]> ranges;
    private final Map<String, String> byApiVersionAndKind;
    private final Map<String, ObjectNode> parsed = new ConcurrentHashMap<>();

    private Definitions(String source, byte[] json, Map<String, int[]> ranges, Map<String, String> byGvk) {
        this.source = source;
        this.json = json;
        this.ranges = ranges;
        this.byApiVersionAndKind = byGvk;
    }

    /**
     * Indexes a definitions document.
     *
     * @param json   the document: an object with a {@code definitions} member
     * @param source where it came from, for messages
     * @throws IllegalArgumentException if it is not JSON or has no {@code definitions} object
     */
    public static Definitions read(byte[] json, String source) {
        var ranges = new HashMap<String, int[]>();
        var byGvk = new HashMap<String, String>();
        boolean found = false;
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException(source + ": not an OpenAPI document (expected a JSON object)");
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                var member = parser.currentName();
                var token = parser.nextToken();
                if ("definitions".equals(member) && token == JsonToken.START_OBJECT) {
                    found = true;
                    indexDefinitions(parser, ranges, byGvk);
                } else {
                    parser.skipChildren();
                }
            }
        } catch (JacksonException e) {
            throw new IllegalArgumentException(source + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (!found) {
            throw new IllegalArgumentException(source + ": has no \"definitions\" object"
                    + " (expected a cluster's /openapi/v2 document or a _definitions.json)");
        }
        return new Definitions(source, json, Map.copyOf(ranges), Map.copyOf(byGvk));
    }

    /**
     * Indexes a document known to be well-formed (the bundled definitions) with a plain byte
     * loop, which in a cold JVM is far cheaper than the JSON parser; falls back to {@link #read}
     * on anything unexpected.
     */
    static Definitions readTrusted(byte[] json, String source) {
        Map<String, DefinitionsScanner.Entry> entries;
        try {
            entries = DefinitionsScanner.scan(json);
        } catch (DefinitionsScanner.Unsupported e) {
            return read(json, source);
        }
        if (entries == null) {
            return read(json, source);
        }
        var ranges = new HashMap<String, int[]>();
        var byGvk = new HashMap<String, String>();
        for (var entry : entries.entrySet()) {
            var range = entry.getValue();
            ranges.put(entry.getKey(), new int[] {range.start(), range.end()});
            if (range.gvkStart() >= 0) {
                var simple = DefinitionsScanner.groupVersionKinds(json, range.gvkStart(), range.gvkEnd());
                if (simple != null) {
                    for (var gvk : simple) {
                        byGvk.putIfAbsent(key(apiVersion(gvk[0], gvk[1]), gvk[2]), entry.getKey());
                    }
                } else {
                    var gvks = JSON.readTree(json, range.gvkStart(), range.gvkEnd() - range.gvkStart());
                    addGroupVersionKinds(gvks, entry.getKey(), byGvk);
                }
            }
        }
        return new Definitions(source, json, Map.copyOf(ranges), Map.copyOf(byGvk));
    }

    private static void addGroupVersionKinds(JsonNode gvks, String name, Map<String, String> byGvk) {
        for (var gvk : gvks.isArray() ? gvks : JSON.createArrayNode().add(gvks)) {
            byGvk.putIfAbsent(key(apiVersion(gvk.path("group").asString(""),
                    gvk.path("version").asString("")), gvk.path("kind").asString("")), name);
        }
    }

    private static void indexDefinitions(JsonParser parser, Map<String, int[]> ranges, Map<String, String> byGvk) {
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            var name = parser.currentName();
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                parser.skipChildren();
                continue;
            }
            int start = (int) parser.currentTokenLocation().getByteOffset();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                var member = parser.currentName();
                parser.nextToken();
                if (GVK.equals(member)) {
                    addGroupVersionKinds(parser.readValueAsTree(), name, byGvk);
                } else {
                    parser.skipChildren();
                }
            }
            int end = (int) parser.currentTokenLocation().getByteOffset() + 1;
            ranges.put(name, new int[] {start, end});
        }
    }

    /** {@code apps} + {@code v1} → {@code apps/v1}; the core group is written as {@code v1} alone. */
    static String apiVersion(String group, String version) {
        return group.isEmpty() ? version : group + "/" + version;
    }

    private static String key(String apiVersion, String kind) {
        return apiVersion + " " + kind;
    }

    /** Where the document came from. */
    public String source() {
        return source;
    }

    /** Names of every definition ({@code io.k8s.api.apps.v1.Deployment}, …). */
    public Set<String> names() {
        return Collections.unmodifiableSet(ranges.keySet());
    }

    /** The definition declaring this apiVersion and kind through {@code x-kubernetes-group-version-kind}. */
    public Optional<String> definitionFor(String apiVersion, String kind) {
        return Optional.ofNullable(byApiVersionAndKind.get(key(apiVersion, kind)));
    }

    /** The byte ranges of every definition, for tests comparing the two ways of indexing. */
    Map<String, List<Integer>> ranges() {
        var copy = new HashMap<String, List<Integer>>();
        ranges.forEach((name, range) -> copy.put(name, List.of(range[0], range[1])));
        return copy;
    }

    /** Which definition declares each apiVersion and kind ({@code "apps/v1 Deployment"}). */
    Map<String, String> kinds() {
        return byApiVersionAndKind;
    }

    /** Number of apiVersion/kind pairs the document declares. */
    public int kindCount() {
        return byApiVersionAndKind.size();
    }

    /**
     * One definition as a tree, parsed on first use. Callers must not modify it.
     *
     * @throws IllegalArgumentException if there is no such definition
     */
    public ObjectNode definition(String name) {
        var cached = parsed.get(name);
        if (cached != null) {
            return cached;
        }
        return parsed.computeIfAbsent(name, n -> {
            var range = ranges.get(n);
            if (range == null) {
                throw new IllegalArgumentException(source + ": no definition named " + n);
            }
            return (ObjectNode) JSON.readTree(json, range[0], range[1] - range[0]);
        });
    }

    /** True if the document holds a definition of this name. */
    public boolean contains(String name) {
        return ranges.containsKey(name);
    }

    @Override
    public String toString() {
        return "Definitions[" + source + ", " + ranges.size() + " definitions]";
    }
}
