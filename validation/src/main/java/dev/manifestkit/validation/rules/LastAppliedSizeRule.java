package dev.manifestkit.validation.rules;

import java.math.BigDecimal;
import java.util.Map;
import java.util.function.BiConsumer;

import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code kubectl apply} (client-side, its default) stores the whole object as JSON in the
 * {@code kubectl.kubernetes.io/last-applied-configuration} annotation, and the API server caps an
 * object's annotations at 256 KiB. So an object of more than about 256 KiB, a ConfigMap of
 * dashboards or a large CustomResourceDefinition, is refused by {@code kubectl apply -f} although
 * {@code kubectl create} and {@code kubectl apply --server-side} take it. Switch the rule off for
 * sets applied server-side.
 */
final class LastAppliedSizeRule extends BaseRule {

    static final String ANNOTATION = "kubectl.kubernetes.io/last-applied-configuration";
    private static final long LIMIT = Names.TOTAL_ANNOTATION_SIZE_LIMIT_BYTES;
    /** The most bytes one UTF-16 char of a string can take in Go's JSON: six, for the escape of U+2028 or {@code <}. */
    private static final int MAX_BYTES_PER_CHAR = 6;

    LastAppliedSizeRule() {
        super("api/last-applied-size", Layer.API, Severity.ERROR,
                "An object fits kubectl apply's last-applied-configuration annotation: its JSON, with its other "
                        + "annotations, is at most " + LIMIT + " bytes, or client-side kubectl apply is refused "
                        + "(kubectl apply --server-side and kubectl create are not; switch the rule off for them).");
    }

    @Override
    public void check(RuleContext context) {
        var tree = context.tree();
        var annotations = Nodes.obj(tree, "metadata", "annotations");
        long others = 0;
        if (annotations != null) {
            for (Map.Entry<String, JsonNode> entry : annotations.properties()) {
                if (!entry.getKey().equals(ANNOTATION)) {
                    others += Names.utf8Length(entry.getKey()) + Names.utf8Length(Nodes.text(entry.getValue()));
                }
            }
        }
        long budget = LIMIT - others - ANNOTATION.length() - 1; // Go's json.Encoder ends the value with a newline
        if (upperBound(tree) <= budget) {
            return; // the common case, decided without scanning a single string
        }
        long json = encodedLength(tree, true);
        if (json > budget) {
            context.report(FieldPath.root("metadata").child("annotations"), ErrorType.TOO_LONG,
                    "must have at most " + LIMIT + " bytes: kubectl apply stores the object, " + json + " bytes as JSON, in "
                            + "the " + ANNOTATION + " annotation; use kubectl apply --server-side or kubectl create");
        }
    }

    /** At least the object's JSON length, from string lengths alone. */
    private static long upperBound(JsonNode node) {
        var bound = new UpperBound();
        bound.add(node);
        return bound.total;
    }

    /**
     * Sums an upper bound of a tree's JSON length; walks object nodes with {@code forEachEntry},
     * which, unlike {@code properties()}, makes no entry objects: this runs on every object.
     */
    private static final class UpperBound implements BiConsumer<String, JsonNode> {

        private long total;

        void add(JsonNode node) {
            if (node.isString()) {
                total += 2 + (long) MAX_BYTES_PER_CHAR * node.asString().length();
            } else if (node.isObject()) {
                total += 2;
                node.forEachEntry(this);
            } else if (node.isArray()) {
                total += 2;
                for (int i = 0, size = node.size(); i < size; i++) {
                    total++;
                    add(node.get(i));
                }
            } else {
                total += 32; // a number, boolean or null: Go writes none longer than 24 bytes
            }
        }

        @Override
        public void accept(String key, JsonNode value) {
            total += 4 + (long) MAX_BYTES_PER_CHAR * key.length();
            add(value);
        }
    }

    /**
     * The length of the node as Go's {@code json.Encoder} writes it (what kubectl stores): compact,
     * UTF-8, with {@code <}, {@code >}, {@code &}, U+2028 and U+2029 escaped. The annotation itself
     * is left out at the root, as kubectl leaves it out.
     */
    private static long encodedLength(JsonNode node, boolean root) {
        if (node.isString()) {
            return stringLength(node.asString());
        }
        if (node.isObject()) {
            long total = 2;
            int members = 0;
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                JsonNode value = entry.getValue();
                if (root && entry.getKey().equals("metadata")) {
                    value = withoutAnnotation(value);
                    if (value == null) {
                        continue;
                    }
                }
                total += stringLength(entry.getKey()) + 1 + encodedLength(value, false);
                members++;
            }
            return total + Math.max(0, members - 1);
        }
        if (node.isArray()) {
            long total = 2 + Math.max(0, node.size() - 1);
            for (JsonNode element : node) {
                total += encodedLength(element, false);
            }
            return total;
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString().length();
        }
        if (node.isNumber()) {
            double value = Math.abs(node.doubleValue());
            // Go writes 1e-6 <= |x| < 1e21 in plain digits, others with an exponent
            return value != 0 && (value < 1e-6 || value >= 1e21) ? Double.toString(node.doubleValue()).length()
                    : BigDecimal.valueOf(node.doubleValue()).stripTrailingZeros().toPlainString().length();
        }
        return node.isBoolean() ? (node.booleanValue() ? 4 : 5) : 4;
    }

    /** The metadata without the last-applied annotation, measured as kubectl sends it; null when nothing is left. */
    private static JsonNode withoutAnnotation(JsonNode metadata) {
        var annotations = Nodes.obj(metadata, "annotations");
        if (annotations == null || !annotations.has(ANNOTATION)) {
            return metadata;
        }
        var copy = metadata.deepCopy();
        var copiedAnnotations = (ObjectNode) copy.get("annotations");
        copiedAnnotations.remove(ANNOTATION);
        return copy;
    }

    private static long stringLength(String text) {
        long length = 2;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t') {
                length += 2;
            } else if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                length += 6;
            } else if (c < 0x80) {
                length++;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                length += 4;
                i++;
            } else {
                length += 3;
            }
        }
        return length;
    }

}
