package dev.manifestkit.validation;

import dev.manifestkit.core.MessageText;
import dev.manifestkit.core.ManifestDocument;

/**
 * Which object a problem is about: {@code Kind/namespace/name}, or {@code Kind/name} for
 * cluster-scoped objects, plus where it was read from.
 *
 * @param kind      the object's kind, or {@code "?"} if it has none
 * @param namespace its namespace, or null
 * @param name      its name, or null
 * @param origin    file it was read from, or {@code "<memory>"}
 * @param document  0-based document index within the origin
 * @param item      0-based position within the {@code kind: List} document, or -1 for a document of its own
 *                  (reports keep a List's items in file order by it; they print only the document)
 */
public record ObjectRef(String kind, String namespace, String name, String origin, int document, int item) {

    /** The reference of a document of its own (not a List's item). */
    public ObjectRef(String kind, String namespace, String name, String origin, int document) {
        this(kind, namespace, name, origin, document, -1);
    }

    /** The reference of a document: its kind ({@code "?"} if none), namespace, name and origin. */
    public static ObjectRef of(ManifestDocument document) {
        return new ObjectRef(document.kind().orElse("?"), document.namespace().orElse(null),
                document.name().orElse(null), document.origin(), document.index(), document.item());
    }

    /**
     * {@code Kind/namespace/name}. Invalid input can name an object anything, so each part is
     * escaped and cut like a bad value ({@link MessageText#oneLine(String)}): the reference stays
     * one bounded line, and reads as written for any valid name.
     */
    @Override
    public String toString() {
        var sb = new StringBuilder(kind == null ? "?" : MessageText.oneLine(kind)).append('/');
        if (namespace != null && !namespace.isEmpty()) {
            sb.append(MessageText.oneLine(namespace)).append('/');
        }
        return sb.append(name == null ? "?" : MessageText.oneLine(name)).toString();
    }
}
