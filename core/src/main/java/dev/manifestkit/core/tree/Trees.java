package dev.manifestkit.core.tree;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import dev.manifestkit.core.KindInfo;
import dev.manifestkit.core.Kinds;
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
 * <p>All methods are thread-safe; the shared mapper is configured once.
 */
public final class Trees {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = MAPPER.getNodeFactory();

    private static final List<String> ROOT_HEAD =
            List.of("apiVersion", "kind", "metadata", "spec", "data", "stringData", "binaryData");
    private static final Set<String> MEANINGFUL_EMPTY =
            Set.of("emptyDir", "podSelector", "namespaceSelector", "selector", "labelSelector");

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
            raw = MAPPER.valueToTree(object);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("cannot convert " + describe(object) + " to a tree: "
                    + e.getOriginalMessage(), e);
        }
        if (!(raw instanceof ObjectNode objectNode)) {
            throw new IllegalArgumentException(describe(object) + " did not convert to a JSON object");
        }
        return canonicalRoot(objectNode, knownKind(objectNode) != null);
    }

    /**
     * A canonical copy of a tree that came from elsewhere (a file, another tool): nulls dropped and
     * keys ordered, but empty objects and lists kept as written. Returns the tree itself when it is
     * canonical already (the common case for trees made by {@link #toTree}).
     */
    public static ObjectNode canonicalize(ObjectNode tree) {
        return isCanonical(tree, true) ? tree : (ObjectNode) copy(tree, Mode.KEEP_EMPTY, true, null);
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
     * Makes a tree fresh from {@code valueToTree} canonical. Nothing else references that tree, so
     * it is canonicalized in place: only the root and objects whose keys are out of order are
     * rebuilt, instead of copying every node. The result is the same as {@link #copy}'s.
     */
    private static ObjectNode canonicalRoot(ObjectNode tree, boolean known) {
        Mode mode = known ? Mode.DROP_EMPTY : Mode.KEEP_EMPTY;
        var result = NODES.objectNode();
        for (String name : orderedNames(tree, true)) {
            JsonNode child = inPlace(tree.get(name), name.equals("metadata") ? Mode.DROP_EMPTY : mode, name);
            if (child != null) {
                result.set(name, child);
            }
        }
        JsonNode status = result.get("status");
        if (status != null && status.isObject() && status.isEmpty()) {
            result.remove("status");
        }
        return result;
    }

    /**
     * The node made canonical in place (an object whose keys are out of order is replaced by a
     * sorted one), or {@code null} when it is to be dropped; the same rules as {@link #copy}.
     */
    private static JsonNode inPlace(JsonNode node, Mode mode, String key) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node instanceof ObjectNode object) {
            boolean sorted = true;
            String previous = null;
            for (Iterator<Map.Entry<String, JsonNode>> entries = object.properties().iterator(); entries.hasNext();) {
                Map.Entry<String, JsonNode> entry = entries.next();
                JsonNode value = entry.getValue();
                JsonNode child = inPlace(value, mode, entry.getKey());
                if (child == null) {
                    entries.remove();
                    continue;
                }
                if (child != value) {
                    entry.setValue(child);
                }
                String name = entry.getKey();
                if (previous != null && previous.compareTo(name) > 0) {
                    sorted = false;
                }
                previous = name;
            }
            if (object.isEmpty()) {
                boolean drop = mode == Mode.DROP_EMPTY && key != null && !MEANINGFUL_EMPTY.contains(key);
                return drop ? null : object;
            }
            if (sorted) {
                return object;
            }
            var ordered = new TreeMap<String, JsonNode>();
            for (Map.Entry<String, JsonNode> entry : object.properties()) {
                ordered.put(entry.getKey(), entry.getValue());
            }
            return NODES.objectNode().setAll(ordered);
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size();) {
                JsonNode element = array.get(i);
                JsonNode child = inPlace(element, mode, null);
                if (child == null) {
                    array.remove(i);
                } else {
                    if (child != element) {
                        array.set(i, child);
                    }
                    i++;
                }
            }
            return array.isEmpty() && mode == Mode.DROP_EMPTY && key != null ? null : array;
        }
        return node;
    }

    /** A canonical copy, or {@code null} when the node is to be dropped. */
    private static JsonNode copy(JsonNode node, Mode mode, boolean root, String key) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            var out = NODES.objectNode();
            for (String name : orderedNames((ObjectNode) node, root)) {
                boolean metadata = root && name.equals("metadata");
                JsonNode child = copy(node.get(name), metadata ? Mode.DROP_EMPTY : mode, false, name);
                if (child != null) {
                    out.set(name, child);
                }
            }
            boolean drop = out.isEmpty() && mode == Mode.DROP_EMPTY && key != null && !MEANINGFUL_EMPTY.contains(key);
            return drop ? null : out;
        }
        if (node.isArray()) {
            var out = NODES.arrayNode(node.size());
            for (JsonNode element : node) {
                JsonNode child = copy(element, mode, false, null);
                if (child != null) {
                    out.add(child);
                }
            }
            return out.isEmpty() && mode == Mode.DROP_EMPTY && key != null ? null : out;
        }
        return node;
    }

    private static List<String> orderedNames(ObjectNode node, boolean root) {
        var names = new ArrayList<String>(node.propertyNames());
        if (!root) {
            if (!isSorted(names)) {
                Collections.sort(names);
            }
            return names;
        }
        names.sort((a, b) -> {
            int ia = ROOT_HEAD.indexOf(a);
            int ib = ROOT_HEAD.indexOf(b);
            if (ia >= 0 || ib >= 0) {
                return ia < 0 ? 1 : ib < 0 ? -1 : Integer.compare(ia, ib);
            }
            return a.compareTo(b);
        });
        return names;
    }

    private static boolean isSorted(List<String> names) {
        for (int i = 1; i < names.size(); i++) {
            if (names.get(i - 1).compareTo(names.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isCanonical(JsonNode node, boolean root) {
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
                if (!isCanonical(value, false)) {
                    return false;
                }
            }
            return root ? isCanonicalHeads(node) : true;
        }
        if (node.isArray()) {
            for (JsonNode element : (ArrayNode) node) {
                if (element.isNull() || !isCanonical(element, false)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isCanonicalHeads(JsonNode root) {
        for (String head : ROOT_HEAD) {
            JsonNode value = root.get(head);
            if (value != null && !isCanonical(value, false)) {
                return false;
            }
        }
        return true;
    }
}
