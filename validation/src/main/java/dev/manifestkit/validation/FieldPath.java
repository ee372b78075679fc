package dev.manifestkit.validation;

import dev.manifestkit.core.MessageText;
import java.util.Objects;

/**
 * An immutable path to a field of a Kubernetes object, printed the way the API server prints
 * it: {@code spec.template.spec.containers[0].name}, {@code metadata.labels[tier]}.
 *
 * <p>Paths are built, never concatenated: {@code FieldPath.root("spec").child("template")}.
 */
public final class FieldPath {

    private static final FieldPath ROOT = new FieldPath(null, "", -1, Kind.ROOT);

    private enum Kind { ROOT, CHILD, INDEX, KEY }

    private final FieldPath parent;
    /** The field or key; null for an index, which is kept as a number until the path is printed. */
    private final String segment;
    private final int index;
    private final Kind kind;
    /** {@link #toString()}, made on first use (a racy cache of an immutable value, safe to share). */
    private String shownText;

    private FieldPath(FieldPath parent, String segment, int index, Kind kind) {
        this.parent = parent;
        this.segment = segment;
        this.index = index;
        this.kind = kind;
    }

    /** The whole object (prints as the empty string). */
    public static FieldPath root() {
        return ROOT;
    }

    /** A top-level field: {@code root("spec")}. */
    public static FieldPath root(String field) {
        return ROOT.child(field);
    }

    /** A field of this object. */
    public FieldPath child(String field) {
        return new FieldPath(this, Objects.requireNonNull(field), -1, Kind.CHILD);
    }

    /** Shorthand for several nested {@link #child(String)} calls. */
    public FieldPath child(String field, String... more) {
        var path = child(field);
        for (var f : more) {
            path = path.child(f);
        }
        return path;
    }

    /**
     * An element of this list. Rules build a path for every element they visit and print few of
     * them, so the number is turned into text only when the path is printed.
     */
    public FieldPath index(int index) {
        return new FieldPath(this, null, index, Kind.INDEX);
    }

    /** An entry of this map. */
    public FieldPath key(String key) {
        return new FieldPath(this, Objects.requireNonNull(key), -1, Kind.KEY);
    }

    /** This path followed by every segment of {@code relative} (a path taken from a value found here). */
    public FieldPath append(FieldPath relative) {
        if (relative.kind == Kind.ROOT) {
            return this;
        }
        var head = append(relative.parent);
        return new FieldPath(head, relative.segment, relative.index, relative.kind);
    }

    /** The path as a JSON pointer ({@code /spec/template/spec/containers/0/name}). */
    public String toJsonPointer() {
        if (kind == Kind.ROOT) {
            return "";
        }
        return parent.toJsonPointer() + "/" + segment().replace("~", "~0").replace("/", "~1");
    }

    /**
     * The path as the API server prints it. A field or key from invalid input (a label key with a
     * newline, a megabyte data key) is escaped and cut like a bad value, and a path longer than
     * {@value MessageText#MAX_TEXT} characters keeps its start and its end, so it names the field
     * on one bounded line.
     */
    @Override
    public String toString() {
        var text = shownText;
        if (text == null) { // made once: reports sort problems by it
            text = render();
            if (text.length() > MessageText.MAX_TEXT) {
                int head = MessageText.MAX_TEXT / 2;
                int tail = MessageText.MAX_TEXT - head - 1;
                text = text.substring(0, head) + "…" + text.substring(text.length() - tail);
            }
            shownText = text;
        }
        return text;
    }

    private String render() {
        if (kind == Kind.ROOT) {
            return "";
        }
        var head = parent.render();
        return switch (kind) {
            case CHILD -> head.isEmpty() ? shown() : head + "." + shown();
            case INDEX, KEY -> head + "[" + shown() + "]";
            case ROOT -> "";
        };
    }

    private String shown() {
        return kind == Kind.INDEX ? Integer.toString(index) : MessageText.oneLine(segment);
    }

    private String segment() {
        return kind == Kind.INDEX ? Integer.toString(index) : segment;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldPath other && toJsonPointer().equals(other.toJsonPointer())
                && toString().equals(other.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
